package dev.millwright.component.s4hana;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the client adds to each raw record, under {@code __millwright} (beside SAP's own {@code __metadata}), where a
 * mapping needs one value that SAP spreads over several:
 * <ul>
 *   <li>{@code observedAt}: when the record was read, for entity sets without a change time (stock, suppliers);</li>
 *   <li>{@code contentHash}: for the same entity sets, a SHA-256 of SAP's fields as read, so that a record read
 *       again unchanged has the same version and is not stored (nor announced) again;</li>
 *   <li>{@code status}: the one SAP status code a mapping's status table can translate: for maintenance orders the
 *       lifecycle status among the codes of {@code SystemStatusText} (DLFL first, then the furthest of CRTD, REL,
 *       PCNF, CNF, TECO, CLSD); for equipment the system status its flags stand for (DLFL, INAC, INST, AVLB,
 *       ESTO).</li>
 * </ul>
 * SAP's own fields stay as they came, so {@code remote_data} keeps them.
 */
final class S4HanaAnnotations {

    static final String MEMBER = "__millwright";
    static final String OBSERVED_AT = "observedAt";
    static final String CONTENT_HASH = "contentHash";
    static final String STATUS = "status";

    private static final List<String> LIFECYCLE = List.of("DLFL", "CLSD", "TECO", "CNF", "PCNF", "REL", "CRTD");

    private S4HanaAnnotations() {
    }

    static ObjectNode annotate(ObjectNode record, boolean stampReadTime, Instant readAt) {
        ObjectNode annotations = null;
        if (stampReadTime) {
            String hash = contentHash(record);
            annotations = record.putObject(MEMBER);
            annotations.put(OBSERVED_AT, readAt.toString());
            annotations.put(CONTENT_HASH, hash);
        }
        String status = status(record);
        if (status != null) {
            if (annotations == null) {
                annotations = record.putObject(MEMBER);
            }
            annotations.put(STATUS, status);
        }
        return record;
    }

    /** The hash of the record's fields, without {@code __metadata} (its etag may be a per-read value). */
    private static String contentHash(ObjectNode record) {
        ObjectNode content = record.deepCopy();
        content.remove("__metadata");
        content.remove(MEMBER);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String status(ObjectNode record) {
        JsonNode systemStatus = record.get("SystemStatusText");
        if (systemStatus != null && systemStatus.isTextual() && record.has("MaintenanceOrder")) {
            List<String> codes = List.of(systemStatus.asText().trim().split("\\s+"));
            return LIFECYCLE.stream().filter(codes::contains).findFirst().orElse(null);
        }
        if (record.has("EquipmentIsMarkedForDeletion")) {
            if (flag(record, "EquipmentIsMarkedForDeletion")) {
                return "DLFL";
            }
            if (flag(record, "EquipmentIsInactive")) {
                return "INAC";
            }
            if (flag(record, "EquipmentIsInstalled")) {
                return "INST";
            }
            if (flag(record, "EquipmentIsAvailable")) {
                return "AVLB";
            }
            if (flag(record, "EquipmentIsInWarehouse")) {
                return "ESTO";
            }
        }
        return null;
    }

    private static boolean flag(ObjectNode record, String name) {
        return record.path(name).asBoolean(false);
    }
}
