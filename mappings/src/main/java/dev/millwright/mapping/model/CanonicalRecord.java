package dev.millwright.mapping.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A record of the canonical model (PRODUCT.md, "Canonical model"). Every entity record declares these
 * common components first, in this order, then its own fields.
 */
public sealed interface CanonicalRecord permits PurchaseOrder, WorkOrder, InventoryItem, Vendor, Asset {

    /** Stable id (UUID text): the same connection, entity and remote id always give the same id. */
    String id();

    /** The record's id in the source system. */
    String remoteId();

    /** The connection the record was read through. */
    String connectionId();

    /** The entity name, e.g. {@code work_order}. */
    String entity();

    /** When the source created the record, if it says. */
    Instant createdAt();

    /** The source system's change time of the record. */
    Instant modifiedAt();

    /** ETag or row stamp, when the source has one. */
    String remoteVersion();

    /** True when the source deleted, cancelled-as-deletion or soft-deleted the record. */
    boolean deleted();

    /** Connection-configured extra source fields, by canonical name; never null. */
    Map<String, Object> customFields();

    /** The raw source record, null unless it was asked for. */
    JsonNode remoteData();

    /** A copy of this record with {@code remoteData} (null to drop it). */
    CanonicalRecord withRemoteData(JsonNode remoteData);

    /** A copy of this record with the deleted flag set to {@code deleted}. */
    CanonicalRecord withDeleted(boolean deleted);
}
