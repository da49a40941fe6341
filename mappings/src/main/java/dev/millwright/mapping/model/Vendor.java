package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * A vendor (supplier).
 * JSON names are the snake_case forms of the component names ({@code remote_id}, ...); see
 * {@link CanonicalRecord} for the common fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Vendor(
        String id,
        String remoteId,
        String connectionId,
        String entity,
        Instant createdAt,
        Instant modifiedAt,
        String remoteVersion,
        boolean deleted,
        Map<String, Object> customFields,
        JsonNode remoteData,
        String number,
        String name,
        VendorStatus status,
        String taxId,
        String currency,
        String email,
        String phone,
        Address address) implements CanonicalRecord {

    public Vendor {
        entity = CanonicalComponents.entity(entity, Entity.VENDOR);
        customFields = CanonicalComponents.customFields(customFields);
        remoteData = CanonicalComponents.remoteData(remoteData);
    }

    @Override
    public Vendor withRemoteData(JsonNode remoteData) {
        return new Vendor(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, name, status, taxId, currency, email, phone, address);
    }

    @Override
    public Vendor withDeleted(boolean deleted) {
        return new Vendor(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, name, status, taxId, currency, email, phone, address);
    }
}
