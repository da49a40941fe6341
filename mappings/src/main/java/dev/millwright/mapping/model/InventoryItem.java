package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The stock of one item at one storage location.
 * JSON names are the snake_case forms of the component names ({@code remote_id}, ...); see
 * {@link CanonicalRecord} for the common fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InventoryItem(
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
        String itemNumber,
        String description,
        String site,
        String location,
        String bin,
        BigDecimal quantityOnHand,
        BigDecimal quantityAvailable,
        String unit,
        BigDecimal unitCost,
        BigDecimal reorderPoint) implements CanonicalRecord {

    public InventoryItem {
        entity = CanonicalComponents.entity(entity, Entity.INVENTORY_ITEM);
        customFields = CanonicalComponents.customFields(customFields);
        remoteData = CanonicalComponents.remoteData(remoteData);
    }

    @Override
    public InventoryItem withRemoteData(JsonNode remoteData) {
        return new InventoryItem(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, itemNumber, description, site, location, bin, quantityOnHand, quantityAvailable, unit,
                unitCost, reorderPoint);
    }

    @Override
    public InventoryItem withDeleted(boolean deleted) {
        return new InventoryItem(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, itemNumber, description, site, location, bin, quantityOnHand, quantityAvailable, unit,
                unitCost, reorderPoint);
    }
}
