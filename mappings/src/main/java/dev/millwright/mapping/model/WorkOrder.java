package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * A maintenance work order.
 * JSON names are the snake_case forms of the component names ({@code remote_id}, ...); see
 * {@link CanonicalRecord} for the common fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkOrder(
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
        String title,
        String description,
        WorkOrderStatus status,
        String priority,
        String type,
        String assetRemoteId,
        String location,
        String site,
        String assignedTo,
        Instant scheduledStart,
        Instant scheduledEnd,
        Instant actualStart,
        Instant actualEnd,
        Instant dueDate,
        Instant completedAt) implements CanonicalRecord {

    public WorkOrder {
        entity = CanonicalComponents.entity(entity, Entity.WORK_ORDER);
        customFields = CanonicalComponents.customFields(customFields);
        remoteData = CanonicalComponents.remoteData(remoteData);
    }

    @Override
    public WorkOrder withRemoteData(JsonNode remoteData) {
        return new WorkOrder(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, title, description, status, priority, type, assetRemoteId, location, site,
                assignedTo, scheduledStart, scheduledEnd, actualStart, actualEnd, dueDate, completedAt);
    }

    @Override
    public WorkOrder withDeleted(boolean deleted) {
        return new WorkOrder(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, title, description, status, priority, type, assetRemoteId, location, site,
                assignedTo, scheduledStart, scheduledEnd, actualStart, actualEnd, dueDate, completedAt);
    }
}
