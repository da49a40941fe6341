package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the attributes of a create or update request to a {@link RecordDraft}, validating them as
 * Maximo does: unknown attributes and values outside a domain are rejected, key attributes cannot change,
 * and what the system maintains (unique ids, totals, domain descriptions, hrefs) is ignored.
 */
final class RecordEditor {

    /** How the fields are applied; only the handling of child lines differs between the two updates. */
    enum Mode {
        CREATE,
        /** A PATCH: a child array in the request replaces the stored lines. */
        UPDATE,
        /** A PATCH with {@code patchtype: MERGE}: child lines are merged by their key (polinenum). */
        MERGE
    }

    private final ValueConverter converter;

    RecordEditor(ValueConverter converter) {
        this.converter = converter;
    }

    /**
     * @param systemCaller true for the Java data access methods, which may also set {@code changedate}
     * @return true when the fields set changedate explicitly
     */
    boolean apply(RecordDraft draft, Map<String, ?> fields, Mode mode, boolean systemCaller) {
        ObjectStructure structure = draft.structure;
        boolean changedateSet = false;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String name = plainName(field.getKey());
            if (isIgnored(name)) {
                continue;
            }
            ChildCollection child = structure.child();
            if (child != null && child.name().equals(name)) {
                applyChildren(draft, field.getValue(), mode);
                continue;
            }
            Attribute attribute = structure.schema().find(name);
            if (attribute == null) {
                throw MaximoErrors.unknownAttribute(structure, field.getKey());
            }
            if (attribute.isDerived() || structure.isComputed(attribute) || attribute == structure.uniqueId()) {
                continue; // clients often send back what they read; Maximo keeps its own values
            }
            Object value = converter.convert(attribute, field.getValue());
            if (attribute == structure.changedate()) {
                if (systemCaller && value != null) {
                    attribute.write(draft.row, value);
                    changedateSet = true;
                }
                continue; // over HTTP, changedate is the server's
            }
            if (mode != Mode.CREATE && structure.keyAttributes().contains(attribute)) {
                if (!Objects.equals(value, attribute.read(draft.row))) {
                    throw MaximoErrors.readOnly(structure, attribute);
                }
                continue;
            }
            attribute.write(draft.row, value);
        }
        return changedateSet;
    }

    private void applyChildren(RecordDraft draft, Object value, Mode mode) {
        ChildCollection child = draft.structure.child();
        if (value == null) {
            value = List.of();
        }
        if (!(value instanceof List<?> lines)) {
            throw MaximoErrors.invalidValue(child.key(), value, "an array of " + child.name() + " objects");
        }
        if (mode != Mode.MERGE) {
            draft.children.clear();
        }
        for (Object item : lines) {
            if (!(item instanceof Map<?, ?> line)) {
                throw MaximoErrors.invalidValue(child.key(), item, "a " + child.name() + " object");
            }
            applyLine(draft, line, mode);
        }
    }

    private void applyLine(RecordDraft draft, Map<?, ?> line, Mode mode) {
        ChildCollection child = draft.structure.child();
        Row target = null;
        if (mode == Mode.MERGE) {
            Object keyValue = line.get(child.key().name());
            Object lineKey = keyValue == null ? null : converter.convert(child.key(), keyValue);
            for (Row existing : draft.children) {
                if (lineKey != null && lineKey.equals(child.key().read(existing))) {
                    target = existing;
                    break;
                }
            }
            if (target != null && "delete".equalsIgnoreCase(String.valueOf(line.get("_action")))) {
                draft.children.remove(target);
                return;
            }
        }
        if (target == null) {
            target = child.schema().newRow();
            draft.children.add(target);
        }
        for (Map.Entry<?, ?> field : line.entrySet()) {
            String name = plainName(String.valueOf(field.getKey()));
            if (isIgnored(name)) {
                continue;
            }
            Attribute attribute = child.schema().find(name);
            if (attribute == null) {
                throw MaximoErrors.unknownAttribute(draft.structure, child.name() + "." + field.getKey());
            }
            if (!attribute.isDerived()) {
                attribute.write(target, converter.convert(attribute, field.getValue()));
            }
        }
    }

    private static String plainName(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        return colon >= 0 ? lower.substring(colon + 1) : lower;
    }

    /** Links and bookkeeping that Maximo sends and accepts back: href, localref, _rowstamp, _action... */
    private static boolean isIgnored(String name) {
        return name.equals("href") || name.equals("localref") || name.startsWith("_");
    }
}
