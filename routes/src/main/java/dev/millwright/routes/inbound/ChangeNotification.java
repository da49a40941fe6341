package dev.millwright.routes.inbound;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.mapping.model.Entity;

/**
 * What an inbound webhook announces: a change of one record (or of an entity) of the source. The payload is
 * {@code {"entity": "work_order" | "work-orders", "remote_id": "...", "version": "...", "changedate": "...",
 * "event": "updated"}}, at the top level or under {@code data} (the Standard Webhooks envelope). Only the entity is
 * required; without a remote id the notification triggers the entity's sync without a version check.
 *
 * @param version the source's version of the record (Maximo's rowstamp), compared numerically when both are numbers
 * @param changedAt the source's change time, compared when the versions cannot be
 */
public record ChangeNotification(Entity entity, String remoteId, String version, Instant changedAt, String event) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a payload cannot be acted on. */
    public static final class InvalidNotification extends Exception {
        private final String code;
        private final String entityName;
        private final String remoteId;

        InvalidNotification(String code, String message, String entityName, String remoteId) {
            super(message);
            this.code = code;
            this.entityName = entityName;
            this.remoteId = remoteId;
        }

        public String code() {
            return code;
        }

        /** The entity as the payload named it, if it named one. */
        public String entityName() {
            return entityName;
        }

        public String remoteId() {
            return remoteId;
        }
    }

    public static final String MALFORMED = "MALFORMED_NOTIFICATION";
    public static final String UNKNOWN_ENTITY = "UNKNOWN_ENTITY";

    public static ChangeNotification parse(String payload) throws InvalidNotification {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidNotification(MALFORMED, "the payload is not JSON: " + e.getOriginalMessage(), null, null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidNotification(MALFORMED, "the payload is not a JSON object", null, null);
        }
        JsonNode body = !root.has("entity") && root.path("data").isObject() ? root.get("data") : root;
        String entityName = text(body, "entity");
        String remoteId = text(body, "remote_id");
        if (entityName == null) {
            throw new InvalidNotification(MALFORMED, "the payload names no \"entity\"", null, remoteId);
        }
        Entity entity = entity(entityName);
        if (entity == null) {
            throw new InvalidNotification(UNKNOWN_ENTITY, "unknown entity '" + entityName + "'", entityName, remoteId);
        }
        String changedate = text(body, "changedate");
        if (changedate == null) {
            changedate = text(body, "changed_at");
        }
        Instant changedAt = null;
        if (changedate != null) {
            try {
                changedAt = OffsetDateTime.parse(changedate).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidNotification(MALFORMED, "changedate '" + changedate + "' is not an ISO-8601 date"
                        + " with offset", entityName, remoteId);
            }
        }
        return new ChangeNotification(entity, remoteId, text(body, "version"), changedAt, text(body, "event"));
    }

    /**
     * Whether this announces something newer than a version already known ({@code null} known = nothing known).
     * Versions that cannot be compared count as newer: a needless sync costs little, a missed one costs data.
     */
    public boolean isNewerThan(String knownVersion, Instant knownChangedAt) {
        if (version != null && knownVersion != null) {
            BigInteger mine = number(version);
            BigInteger known = number(knownVersion);
            if (mine != null && known != null) {
                return mine.compareTo(known) > 0;
            }
            if (version.equals(knownVersion)) {
                return false;
            }
        }
        if (changedAt != null && knownChangedAt != null) {
            return changedAt.isAfter(knownChangedAt);
        }
        return true;
    }

    private static Entity entity(String name) {
        for (Entity entity : Entity.values()) {
            if (entity.entityName().equals(name) || entity.collection().equals(name)) {
                return entity;
            }
        }
        return null;
    }

    private static BigInteger number(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return new BigInteger(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null
                : value.asText();
    }
}
