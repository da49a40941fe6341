package dev.millwright.simulators.prometheusgroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one resource: its name in paths, its data fields, and the JSON names and forms of the fields the
 * server keeps itself (id, change time, version, creation time). {@code numberField} is the business key that
 * lookups filter on ({@code workOrderNumber=1000,1001}) and that must be unique.
 */
final class Schema {

    /** How the server-kept fields are written. */
    enum Style {
        /** id as a JSON string, times as ISO-8601 UTC with milliseconds. */
        PLANNING,
        /** id as a JSON number, times as epoch milliseconds. */
        JOBS
    }

    final String resource;
    final Style style;
    final String idName;
    final String modifiedName;
    final String versionName;
    final String createdName;
    final String numberField;
    final List<Field> fields;
    private final Map<String, Integer> positions = new HashMap<>();

    Schema(String resource, Style style, String idName, String modifiedName, String versionName, String createdName,
            String numberField, List<Field> fields) {
        this.resource = resource;
        this.style = style;
        this.idName = idName;
        this.modifiedName = modifiedName;
        this.versionName = versionName;
        this.createdName = createdName;
        this.numberField = numberField;
        this.fields = List.copyOf(fields);
        for (int i = 0; i < fields.size(); i++) {
            positions.put(fields.get(i).name(), i);
        }
    }

    /** The position of a data field, or -1. */
    int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    Field field(int position) {
        return fields.get(position);
    }

    boolean isServerField(String name) {
        return name.equals(idName) || name.equals(modifiedName) || name.equals(versionName)
                || name.equals(createdName);
    }

    int numberPosition() {
        return position(numberField);
    }
}
