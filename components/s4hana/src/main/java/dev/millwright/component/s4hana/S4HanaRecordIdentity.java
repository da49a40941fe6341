package dev.millwright.component.s4hana;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.core.cursor.RecordIdentity;

/**
 * An S/4HANA record's id is its key value for entity sets with one key ({@code 4500000001}), and the entity path
 * ending its {@code __metadata.uri} for composite keys
 * ({@code Equipment(Equipment='10000045',ValidityEndDate=datetime'9999-12-31T00%3A00%3A00')}), which addresses it
 * for get, update and delete. Its version is {@code __metadata.etag}. Its change time is the change property
 * ({@code LastChangeDateTime}); entity sets without one carry the time the record was read
 * ({@code __millwright.observedAt}, stamped by the client).
 */
final class S4HanaRecordIdentity implements RecordIdentity {

    private final List<String> keys;
    private final String modifiedField;

    S4HanaRecordIdentity(List<String> keys, String modifiedField) {
        this.keys = List.copyOf(keys);
        this.modifiedField = modifiedField;
    }

    /** The entity path at the end of a URI: {@code A_PurchaseOrder('4500000001')} of {@code .../A_PurchaseOrder('4500000001')}. */
    static String entityPath(String uri) {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        String path = query >= 0 ? uri.substring(0, query) : uri;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String remoteId(JsonNode record) {
        if (keys.size() == 1) {
            JsonNode key = record.get(keys.get(0));
            if (key != null && !key.isNull()) {
                return key.asText();
            }
        }
        JsonNode uri = record.path("__metadata").get("uri");
        return uri == null || uri.isNull() ? null : entityPath(uri.asText());
    }

    @Override
    public String version(JsonNode record) {
        JsonNode etag = record.path("__metadata").get("etag");
        return etag == null || etag.isNull() ? null : etag.asText();
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        JsonNode changed = modifiedField == null ? record.path(S4HanaAnnotations.MEMBER).get(S4HanaAnnotations.OBSERVED_AT)
                : record.get(modifiedField);
        return changed == null || changed.isNull() ? null : ODataDates.parse(changed.asText());
    }
}
