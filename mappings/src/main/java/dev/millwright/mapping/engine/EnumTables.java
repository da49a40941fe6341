package dev.millwright.mapping.engine;

import dev.millwright.mapping.engine.YamlElement.YamlEntry;
import dev.millwright.mapping.model.CanonicalStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code enums:} section of a mapping file: tables compiled on first use by a field, checked for use. */
final class EnumTables {

    private static final String WRITE_OVERRIDES = "write";

    private final Map<String, YamlEntry> declared;
    private final Set<String> used = new HashSet<>();

    EnumTables(YamlEntry enums) {
        this.declared = enums == null ? Map.of() : enums.value().entries("enums");
    }

    /** The table {@code reference} names, compiled against the canonical enum {@code enumType}. */
    EnumTable compile(YamlEntry reference, Class<?> enumType, String field) {
        String name = reference.value().text(field + ".enum");
        YamlEntry table = declared.get(name);
        if (table == null) {
            throw reference.value().error(field, "enum table '" + name + "' is not defined under enums:"
                    + (declared.isEmpty() ? "" : " (defined: " + String.join(", ", declared.keySet()) + ")"));
        }
        used.add(name);
        String tableField = "enums." + name;
        Map<String, Enum<?>> valueByCode = new LinkedHashMap<>();
        Map<Enum<?>, String> codeByValue = new HashMap<>();
        YamlEntry writeOverrides = null;
        for (YamlEntry code : table.value().entries(tableField).values()) {
            if (code.key().equals(WRITE_OVERRIDES)) {
                writeOverrides = code;
                continue;
            }
            String codeField = tableField + "." + code.key();
            Enum<?> constant = constant(enumType, code.value().text(codeField), code.value(), codeField);
            valueByCode.put(code.key(), constant);
            codeByValue.putIfAbsent(constant, code.key());
        }
        if (writeOverrides != null) {
            String overridesField = tableField + "." + WRITE_OVERRIDES;
            for (YamlEntry override : writeOverrides.value().entries(overridesField).values()) {
                String overrideField = overridesField + "." + override.key();
                Enum<?> constant = constant(enumType, override.key(), override.value(), overrideField);
                codeByValue.put(constant, override.value().text(overrideField));
            }
        }
        return new EnumTable(name, valueByCode, codeByValue);
    }

    /** Fails on a table no field uses: most likely a typo in a field's {@code enum:}. */
    void requireAllUsed() {
        for (YamlEntry table : declared.values()) {
            if (!used.contains(table.key())) {
                throw table.error("enums." + table.key(), "enum table '" + table.key() + "' is not used by any field");
            }
        }
    }

    private static Enum<?> constant(Class<?> enumType, String value, YamlElement element, String field) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((CanonicalStatus) constant).value().equals(value)) {
                return (Enum<?>) constant;
            }
        }
        String valid = Arrays.stream(enumType.getEnumConstants()).map(c -> ((CanonicalStatus) c).value())
                .collect(Collectors.joining(", "));
        throw element.error(field, "'" + value + "' is not a value of " + enumType.getSimpleName() + "; valid values: "
                + valid);
    }
}
