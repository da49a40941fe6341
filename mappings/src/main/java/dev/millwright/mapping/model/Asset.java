package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A maintained asset (equipment).
 * JSON names are the snake_case forms of the component names ({@code remote_id}, ...); see
 * {@link CanonicalRecord} for the common fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Asset(
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
        String description,
        AssetStatus status,
        String location,
        String site,
        String parentRemoteId,
        String serialNumber,
        String manufacturer,
        String model,
        LocalDate installDate,
        String criticality) implements CanonicalRecord {

    public Asset {
        entity = CanonicalComponents.entity(entity, Entity.ASSET);
        customFields = CanonicalComponents.customFields(customFields);
        remoteData = CanonicalComponents.remoteData(remoteData);
    }

    @Override
    public Asset withRemoteData(JsonNode remoteData) {
        return new Asset(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, name, description, status, location, site, parentRemoteId, serialNumber,
                manufacturer, model, installDate, criticality);
    }

    @Override
    public Asset withDeleted(boolean deleted) {
        return new Asset(
                id, remoteId, connectionId, entity, createdAt, modifiedAt, remoteVersion, deleted, customFields,
                remoteData, number, name, description, status, location, site, parentRemoteId, serialNumber,
                manufacturer, model, installDate, criticality);
    }
}
