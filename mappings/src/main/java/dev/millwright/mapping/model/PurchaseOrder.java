package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A purchase order, with its lines.
 * JSON names are the snake_case forms of the component names ({@code remote_id}, ...); see
 * {@link CanonicalRecord} for the common fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PurchaseOrder(
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
        PurchaseOrderStatus status,
        LocalDate orderDate,
        String vendorRemoteId,
        String vendorName,
        String currency,
        BigDecimal totalAmount,
        String company,
        String buyer,
        List<PurchaseOrderLine> lines) implements CanonicalRecord {

    public PurchaseOrder {
        entity = CanonicalComponents.entity(entity, Entity.PURCHASE_ORDER);
        customFields = CanonicalComponents.customFields(customFields);
        remoteData = CanonicalComponents.remoteData(remoteData);
        lines = CanonicalComponents.list(lines);
    }

    @Override
    public PurchaseOrder withRemoteData(JsonNode remoteData) {
        return new PurchaseOrder(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, status, orderDate, vendorRemoteId, vendorName, currency, totalAmount, company,
                buyer, lines);
    }

    @Override
    public PurchaseOrder withDeleted(boolean deleted) {
        return new PurchaseOrder(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, status, orderDate, vendorRemoteId, vendorName, currency, totalAmount, company,
                buyer, lines);
    }
}
