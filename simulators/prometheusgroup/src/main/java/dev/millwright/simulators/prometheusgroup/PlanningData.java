package dev.millwright.simulators.prometheusgroup;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of every resource and the writes on them: creates number-checked, updates and deletes guarded by
 * {@code If-Match} when the client sends one, every write stamped with the clock and a new version.
 */
final class PlanningData {

    private final Clock clock;
    private final Map<String, RecordStore> stores = new LinkedHashMap<>();

    PlanningData(Clock clock, List<RecordStore> stores) {
        this.clock = clock;
        stores.forEach(store -> this.stores.put(store.schema.resource, store));
    }

    Map<String, RecordStore> stores() {
        return stores;
    }

    RecordStore store(String resource) {
        RecordStore store = stores.get(resource);
        if (store == null) {
            throw ApiError.notFound("no resource '" + resource + "'; resources: " + String.join(", ", stores.keySet()));
        }
        return store;
    }

    Row get(RecordStore store, String id) {
        Row row = store.get(parseId(store, id));
        if (row == null) {
            throw ApiError.notFound(store.schema.resource + " record " + id + " does not exist");
        }
        return row;
    }

    /**
     * Creates a record.
     *
     * @param byClient false for test code, which may also set the change and creation times
     */
    Row create(RecordStore store, Map<String, ?> fields, boolean byClient) {
        Schema schema = store.schema;
        Map<String, Object> data = new LinkedHashMap<>(fields);
        long now = clock.millis();
        long modified = byClient ? now : serverTime(schema, data.remove(schema.modifiedName), now);
        long created = byClient || schema.createdName == null ? modified
                : serverTime(schema, data.remove(schema.createdName), modified);
        Object[] values = RecordEditor.apply(schema, null, data, RecordEditor.Mode.CREATE, byClient);
        return store.write(() -> {
            int number = schema.numberPosition();
            if (number >= 0 && values[number] != null && store.numberTaken(values[number].toString())) {
                throw ApiError.validation(List.of(new ApiError.Problem(schema.numberField, "DUPLICATE",
                        schema.numberField + " " + values[number] + " already exists")));
            }
            Row row = new Row(store.allocateId(), modified, 1, created, values);
            store.insert(row);
            return row;
        });
    }

    Row update(RecordStore store, String id, Map<String, ?> changes, String ifMatch, boolean byClient) {
        Schema schema = store.schema;
        long key = parseId(store, id);
        Map<String, Object> data = new LinkedHashMap<>(changes);
        Object modifiedOverride = byClient ? null : data.remove(schema.modifiedName);
        return store.write(() -> {
            Row current = store.get(key);
            if (current == null) {
                throw ApiError.notFound(schema.resource + " record " + id + " does not exist");
            }
            checkVersion(current, id, ifMatch);
            Object[] values = RecordEditor.apply(schema, current.values, data, RecordEditor.Mode.UPDATE, byClient);
            long modified = serverTime(schema, modifiedOverride, clock.millis());
            Row row = new Row(current.id, modified, current.version + 1, current.created, values);
            store.replace(current, row);
            return row;
        });
    }

    void delete(RecordStore store, String id, String ifMatch) {
        long key = parseId(store, id);
        store.write(() -> {
            Row current = store.get(key);
            if (current == null) {
                throw ApiError.notFound(store.schema.resource + " record " + id + " does not exist");
            }
            checkVersion(current, id, ifMatch);
            store.remove(current);
            return current;
        });
    }

    private static void checkVersion(Row current, String id, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String given = ifMatch.trim();
        if (given.startsWith("W/")) {
            given = given.substring(2);
        }
        given = given.replace("\"", "");
        if (!given.equals(Long.toString(current.version))) {
            throw ApiError.versionConflict(id, current.version, given);
        }
    }

    private static long serverTime(Schema schema, Object value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number number && schema.style == Schema.Style.JOBS) {
            return number.longValue();
        }
        return (Long) RecordEditor.convert(Field.of(schema.modifiedName, FieldType.DATETIME), value);
    }

    private static long parseId(RecordStore store, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiError.notFound(store.schema.resource + " record " + id + " does not exist");
        }
    }
}
