package dev.millwright.simulators.maximo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The definition of one Maximo object structure (MXAPIWODETAIL, MXAPIPO, ...): its attributes, its key,
 * the attributes the system maintains itself, and the rules that fill defaults and derived totals.
 */
final class ObjectStructure {

    /** Business rules that Maximo applies on save. */
    interface Rules {
        /** Fills what Maximo fills on insert (status, orgid, ...); {@code now} is in epoch seconds. */
        void applyDefaults(RecordDraft draft, long now);

        /** Recomputes derived values (PO line costs and totals) after any change. */
        void recompute(RecordDraft draft);
    }

    private final String name;
    private final String mainObject;
    private final RecordSchema schema;
    private final List<Attribute> keyAttributes;
    private final Attribute autonumber;
    private final Attribute uniqueId;
    private final Attribute changedate;
    private final Set<Attribute> computed;
    private final ChildCollection child;
    private final Rules rules;

    ObjectStructure(String name, String mainObject, RecordSchema schema, List<String> keyAttributes,
                    String autonumber, String uniqueId, Set<String> computed, ChildCollection child, Rules rules) {
        this.name = name;
        this.mainObject = mainObject;
        this.schema = schema;
        this.keyAttributes = keyAttributes.stream().map(schema::attribute).toList();
        this.autonumber = autonumber == null ? null : schema.attribute(autonumber);
        this.uniqueId = schema.attribute(uniqueId);
        this.changedate = schema.attribute("changedate");
        this.computed = Set.copyOf(computed.stream().map(schema::attribute).toList());
        this.child = child;
        this.rules = rules;
    }

    /** The upper-case name, e.g. MXAPIWODETAIL. */
    String name() {
        return name;
    }

    /** The name as it appears in hrefs: Maximo writes it in lower case. */
    String hrefName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The main business object (WORKORDER, PO, ...), used in error messages. */
    String mainObject() {
        return mainObject;
    }

    RecordSchema schema() {
        return schema;
    }

    List<Attribute> keyAttributes() {
        return keyAttributes;
    }

    /** The key attribute Maximo numbers itself when a create leaves it out (wonum, ponum), or null. */
    Attribute autonumber() {
        return autonumber;
    }

    /** The numeric unique id (workorderid, poid, ...), always assigned by the system. */
    Attribute uniqueId() {
        return uniqueId;
    }

    Attribute changedate() {
        return changedate;
    }

    /** Attributes the system derives (totals), which writes may carry but cannot set. */
    boolean isComputed(Attribute attribute) {
        return computed.contains(attribute);
    }

    /** The child collection (poline), or null. */
    ChildCollection child() {
        return child;
    }

    Rules rules() {
        return rules;
    }

    /** The key values of a row joined with '/', or null when a key value is missing. */
    String keyOf(Row row) {
        StringBuilder key = new StringBuilder();
        for (Attribute attribute : keyAttributes) {
            Object value = attribute.read(row);
            if (value == null || value.toString().isEmpty()) {
                return null;
            }
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(value);
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
