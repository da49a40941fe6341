package dev.millwright.mapping;

import dev.millwright.mapping.engine.MappingCompiler;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled mappings of some systems, loaded eagerly when built: every file of a system is compiled (and
 * so validated) at once. A file is {@code mappings/<system>/<collection>.yaml} on the class path, or the
 * same relative path under an override directory, which wins. Immutable and thread-safe.
 */
public final class MappingRegistry {

    /** The systems PRODUCT.md names; a registry built without a list of systems looks for these. */
    public static final List<String> KNOWN_SYSTEMS = List.of("maximo", "s4hana", "netsuite", "dynamics",
            "expressmaintenance", "prometheusgroup");

    private static final Logger LOG = LoggerFactory.getLogger(MappingRegistry.class);
    private static final String CLASSPATH_ROOT = "mappings/";
    private static final String EXTENSION = ".yaml";

    private final Map<String, Map<String, Mapping<? extends CanonicalRecord>>> mappingsBySystem;
    private final Path overrideDirectory;

    private MappingRegistry(Builder builder) {
        this.overrideDirectory = builder.overrideDirectory;
        MappingCompiler compiler = new MappingCompiler(builder.converters);
        Set<String> systems = new LinkedHashSet<>(builder.systems);
        boolean explicit = !systems.isEmpty();
        if (!explicit) {
            systems.addAll(KNOWN_SYSTEMS);
            systems.addAll(overrideSystems());
        }
        Map<String, Map<String, Mapping<? extends CanonicalRecord>>> loaded = new TreeMap<>();
        for (String system : systems) {
            Map<String, Mapping<? extends CanonicalRecord>> mappings = load(system, compiler, builder.classLoader);
            if (mappings.isEmpty() && explicit) {
                throw new IllegalArgumentException("No mapping files for system '" + system + "' (looked for "
                        + CLASSPATH_ROOT + system + "/<collection>" + EXTENSION + " on the class path"
                        + (overrideDirectory == null ? "" : " and under " + overrideDirectory) + ")");
            }
            if (!mappings.isEmpty()) {
                loaded.put(system, Collections.unmodifiableMap(mappings));
            }
        }
        this.mappingsBySystem = Collections.unmodifiableMap(loaded);
    }

    /** The mappings of the given systems from the class path. */
    public static MappingRegistry of(String... systems) {
        return builder().systems(Arrays.asList(systems)).build();
    }

    /** The mappings of every known system (and any system the override directory adds) found. */
    public static MappingRegistry load(Path overrideDirectory) {
        return builder().overrideDirectory(overrideDirectory).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mapping of {@code collection} ({@code work-orders}) for {@code system}.
     *
     * @throws IllegalArgumentException listing the systems and collections there are
     */
    public Mapping<? extends CanonicalRecord> mapping(String system, String collection) {
        Map<String, Mapping<? extends CanonicalRecord>> mappings = mappingsBySystem.get(system);
        if (mappings == null) {
            throw new IllegalArgumentException("No mappings for system '" + system + "'; systems with mappings: "
                    + describe());
        }
        Mapping<? extends CanonicalRecord> mapping = mappings.get(collection);
        if (mapping == null) {
            throw new IllegalArgumentException("No mapping for collection '" + collection + "' of system '" + system
                    + "'; it has: " + String.join(", ", mappings.keySet()));
        }
        return mapping;
    }

    /** The mapping of {@code entity} for {@code system}. */
    public Mapping<? extends CanonicalRecord> mapping(String system, Entity entity) {
        return mapping(system, entity.collection());
    }

    /** The mapping of {@code entity} for {@code system}, typed. */
    @SuppressWarnings("unchecked")
    public <T extends CanonicalRecord> Mapping<T> mapping(String system, Class<T> recordType) {
        return (Mapping<T>) mapping(system, Entity.of(recordType).collection());
    }

    /** The systems that have at least one mapping, sorted. */
    public Set<String> systems() {
        return mappingsBySystem.keySet();
    }

    /** The collections {@code system} has mappings for, sorted; empty for an unknown system. */
    public Set<String> collections(String system) {
        Map<String, Mapping<? extends CanonicalRecord>> mappings = mappingsBySystem.get(system);
        return mappings == null ? Set.of() : mappings.keySet();
    }

    /** The directory whose files win over the class path ones, if any. */
    public Path overrideDirectory() {
        return overrideDirectory;
    }

    @Override
    public String toString() {
        return "MappingRegistry[" + describe() + (overrideDirectory == null ? "" : ", overrides " + overrideDirectory)
                + "]";
    }

    private String describe() {
        if (mappingsBySystem.isEmpty()) {
            return "none";
        }
        return mappingsBySystem.entrySet().stream()
                .map(system -> system.getKey() + " (" + String.join(", ", system.getValue().keySet()) + ")")
                .collect(Collectors.joining(", "));
    }

    private Map<String, Mapping<? extends CanonicalRecord>> load(String system, MappingCompiler compiler,
            ClassLoader classLoader) {
        checkOverrideFileNames(system);
        Map<String, Mapping<? extends CanonicalRecord>> mappings = new TreeMap<>();
        for (Entity entity : Entity.values()) {
            String relative = system + "/" + entity.collection() + EXTENSION;
            Path override = overrideDirectory == null ? null : overrideDirectory.resolve(relative);
            Mapping<? extends CanonicalRecord> mapping;
            if (override != null && Files.isRegularFile(override)) {
                mapping = compiler.compile(override.toString(), read(override), system, entity);
                LOG.info("Mapping {}/{} loaded from override {}", system, entity.collection(), override);
            } else {
                String resource = CLASSPATH_ROOT + relative;
                String text = readResource(classLoader, resource);
                if (text == null) {
                    continue;
                }
                mapping = compiler.compile("classpath:" + resource, text, system, entity);
            }
            mappings.put(entity.collection(), mapping);
        }
        return mappings;
    }

    /** A file named after no collection would silently never be used: refuse it. */
    private void checkOverrideFileNames(String system) {
        if (overrideDirectory == null || !Files.isDirectory(overrideDirectory.resolve(system))) {
            return;
        }
        Set<String> collections = Arrays.stream(Entity.values()).map(Entity::collection)
                .collect(Collectors.toCollection(TreeSet::new));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(overrideDirectory.resolve(system), "*.{yaml,yml}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String collection = name.substring(0, name.lastIndexOf('.'));
                if (!name.endsWith(EXTENSION) || !collections.contains(collection)) {
                    throw new MappingDefinitionException(file.toString(), 0, null, "a mapping file must be named "
                            + "<collection>" + EXTENSION + " with a collection of " + collections);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + overrideDirectory.resolve(system), e);
        }
    }

    private Set<String> overrideSystems() {
        Set<String> systems = new TreeSet<>();
        if (overrideDirectory == null || !Files.isDirectory(overrideDirectory)) {
            return systems;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(overrideDirectory, Files::isDirectory)) {
            for (Path entry : entries) {
                systems.add(entry.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + overrideDirectory, e);
        }
        return systems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping file " + file, e);
        }
    }

    private static String readResource(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mapping resource " + resource, e);
        }
    }

    /** Options of a {@link MappingRegistry}. */
    public static final class Builder {

        private final Set<String> systems = new LinkedHashSet<>();
        private Path overrideDirectory;
        private ConverterRegistry converters = ConverterRegistry.standard();
        private ClassLoader classLoader = MappingRegistry.class.getClassLoader();

        private Builder() {
        }

        /**
         * Load exactly these systems, failing for one without any mapping file. Without systems, the registry
         * loads whichever of {@link #KNOWN_SYSTEMS} and the override directory's systems have files.
         */
        public Builder systems(Collection<String> systems) {
            this.systems.addAll(systems);
            return this;
        }

        public Builder system(String system) {
            this.systems.add(Objects.requireNonNull(system, "system"));
            return this;
        }

        /** Files under this directory ({@code <system>/<collection>.yaml}) win over the class path ones. */
        public Builder overrideDirectory(Path overrideDirectory) {
            if (overrideDirectory != null && !Files.isDirectory(overrideDirectory)) {
                throw new IllegalArgumentException("Mapping override directory " + overrideDirectory
                        + " does not exist or is not a directory");
            }
            this.overrideDirectory = overrideDirectory;
            return this;
        }

        public Builder converters(ConverterRegistry converters) {
            this.converters = Objects.requireNonNull(converters, "converters");
            return this;
        }

        /** The class loader to find class path mapping files with. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        public MappingRegistry build() {
            return new MappingRegistry(this);
        }
    }
}
