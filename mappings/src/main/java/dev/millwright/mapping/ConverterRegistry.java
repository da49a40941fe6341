package dev.millwright.mapping;

import dev.millwright.mapping.engine.converters.StandardConverters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The converters mapping files may name, by name. Immutable. */
public final class ConverterRegistry {

    private final Map<String, ConverterFactory> factories;

    private ConverterRegistry(Map<String, ConverterFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** The built-in converters plus those found by {@link ServiceLoader} on the class path. */
    public static ConverterRegistry standard() {
        Map<String, ConverterFactory> factories = new LinkedHashMap<>();
        for (ConverterFactory factory : StandardConverters.factories()) {
            factories.put(factory.name(), factory);
        }
        for (ConverterFactory factory : ServiceLoader.load(ConverterFactory.class)) {
            factories.put(factory.name(), factory);
        }
        return new ConverterRegistry(factories);
    }

    /** A registry with {@code factory} added, replacing one of the same name. */
    public ConverterRegistry with(ConverterFactory factory) {
        Map<String, ConverterFactory> more = new LinkedHashMap<>(factories);
        more.put(factory.name(), factory);
        return new ConverterRegistry(more);
    }

    public Optional<ConverterFactory> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    public Set<String> names() {
        return factories.keySet();
    }
}
