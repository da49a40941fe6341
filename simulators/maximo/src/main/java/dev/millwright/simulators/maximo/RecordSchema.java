package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The attributes of one level of an object structure (the main object, or a child such as POLINE). */
final class RecordSchema {
    private final List<Attribute> attributes;
    private final Map<String, Attribute> byName;
    private final int valueSlots;
    private final int dateSlots;

    private RecordSchema(List<Attribute> attributes, int valueSlots, int dateSlots) {
        this.attributes = Collections.unmodifiableList(attributes);
        this.valueSlots = valueSlots;
        this.dateSlots = dateSlots;
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            map.put(attribute.name(), attribute);
        }
        this.byName = map;
    }

    static Builder builder() {
        return new Builder();
    }

    /** All attributes in rendering order, domain companions right after their base attribute. */
    List<Attribute> attributes() {
        return attributes;
    }

    /** Looks an attribute up case-insensitively, ignoring an OSLC namespace prefix such as {@code spi:}. */
    Attribute find(String name) {
        if (name == null) {
            return null;
        }
        String plain = name.trim().toLowerCase(Locale.ROOT);
        int colon = plain.indexOf(':');
        if (colon >= 0) {
            plain = plain.substring(colon + 1);
        }
        return byName.get(plain);
    }

    /** Like {@link #find} but for names defined by the simulator's own code, where a miss is a bug. */
    Attribute attribute(String name) {
        Attribute attribute = byName.get(name);
        if (attribute == null) {
            throw new IllegalArgumentException("No attribute " + name);
        }
        return attribute;
    }

    Row newRow() {
        return new Row(valueSlots, dateSlots);
    }

    static final class Builder {
        private final List<Attribute> attributes = new ArrayList<>();
        private int valueSlots;
        private int dateSlots;

        Builder string(String... names) {
            for (String name : names) {
                add(name, AttributeType.STRING, null);
            }
            return this;
        }

        Builder integer(String... names) {
            for (String name : names) {
                add(name, AttributeType.INTEGER, null);
            }
            return this;
        }

        Builder decimal(String... names) {
            for (String name : names) {
                add(name, AttributeType.DECIMAL, null);
            }
            return this;
        }

        Builder bool(String... names) {
            for (String name : names) {
                add(name, AttributeType.BOOLEAN, null);
            }
            return this;
        }

        Builder date(String... names) {
            for (String name : names) {
                add(name, AttributeType.DATETIME, null);
            }
            return this;
        }

        /** A string attribute bound to a domain, followed by its _description and _maxvalue companions. */
        Builder domain(String name, Domain domain) {
            Attribute base = add(name, AttributeType.STRING, domain);
            attributes.add(Attribute.companion(base, Attribute.Companion.DESCRIPTION));
            attributes.add(Attribute.companion(base, Attribute.Companion.MAXVALUE));
            return this;
        }

        private Attribute add(String name, AttributeType type, Domain domain) {
            int slot = type == AttributeType.DATETIME ? dateSlots++ : valueSlots++;
            Attribute attribute = Attribute.stored(name, type, slot, domain);
            attributes.add(attribute);
            return attribute;
        }

        RecordSchema build() {
            return new RecordSchema(new ArrayList<>(attributes), valueSlots, dateSlots);
        }
    }
}
