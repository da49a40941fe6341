package dev.millwright.mapping.engine;

import dev.millwright.mapping.Converter;
import dev.millwright.mapping.ConverterFactory;
import dev.millwright.mapping.ConverterRegistry;
import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingDefinitionException;
import dev.millwright.mapping.engine.YamlElement.YamlEntry;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.CanonicalStatus;
import dev.millwright.mapping.model.Entity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a mapping file (grammar in mappings/README.md) into a {@link Mapping}, checking all of it
 * against the target record: every problem is a {@link MappingDefinitionException} naming file, line and
 * field, raised when the file is loaded rather than when a record first hits it.
 */
public final class MappingCompiler {

    private static final Set<String> TOP_LEVEL_KEYS = new LinkedHashSet<>(
            List.of("entity", "description", "identity", "fields", "enums", "create_defaults"));
    private static final Set<String> IDENTITY_KEYS = new LinkedHashSet<>(
            List.of("remote_id", "remote_version", "modified_at", "created_at", "deleted"));
    private static final Set<String> OBJECT_KEYS = new LinkedHashSet<>(List.of("path", "fields", "write"));

    private final ConverterRegistry converters;

    public MappingCompiler(ConverterRegistry converters) {
        this.converters = converters;
    }

    public MappingCompiler() {
        this(ConverterRegistry.standard());
    }

    /**
     * Compiles one mapping file.
     *
     * @param source where the text comes from, for error messages
     * @param yaml the file's text
     * @param system the system it maps, e.g. {@code maximo}
     * @param expectedEntity the entity its file name promises, or null to accept the one it declares
     * @throws MappingDefinitionException naming file, line and field of the first problem
     */
    public Mapping<? extends CanonicalRecord> compile(String source, String yaml, String system,
            Entity expectedEntity) {
        return new FileCompilation(source, YamlElement.parse(source, yaml)).compile(system, expectedEntity);
    }

    /** The state of compiling one file. */
    private final class FileCompilation {

        private final String source;
        private final YamlElement root;
        private EnumTables enumTables;

        FileCompilation(String source, YamlElement root) {
            this.source = source;
            this.root = root;
        }

        CompiledMapping<? extends CanonicalRecord> compile(String system, Entity expectedEntity) {
            Map<String, YamlEntry> top = root.entries(null);
            requireKnownKeys(top, TOP_LEVEL_KEYS, null, "top-level key");
            Entity entity = entity(required(top, "entity", root, null), expectedEntity);
            enumTables = new EnumTables(top.get("enums"));
            RecordLayout layout = RecordLayout.of(entity.recordType());

            YamlEntry identityEntry = required(top, "identity", root, null);
            Map<String, YamlEntry> identity = identityEntry.value().entries("identity");
            requireKnownKeys(identity, IDENTITY_KEYS, "identity", "identity field");
            ScalarFieldMapping remoteId = identityField(required(identity, "remote_id", identityEntry.value(),
                    "identity"), layout, String.class);
            ScalarFieldMapping modifiedAt = identityField(required(identity, "modified_at", identityEntry.value(),
                    "identity"), layout, Instant.class);
            ScalarFieldMapping remoteVersion = identity.containsKey("remote_version")
                    ? identityField(identity.get("remote_version"), layout, String.class) : null;
            ScalarFieldMapping createdAt = identity.containsKey("created_at")
                    ? identityField(identity.get("created_at"), layout, Instant.class) : null;
            DeletedRule deleted = identity.containsKey("deleted") ? deletedRule(identity.get("deleted")) : null;

            YamlEntry fieldsEntry = required(top, "fields", root, null);
            RecordFields fields = recordFields(fieldsEntry.value(), layout, "fields", true, new HashMap<>());
            enumTables.requireAllUsed();
            return new CompiledMapping<>(system, entity, source, remoteId, remoteVersion, modifiedAt, createdAt,
                    deleted, fields, createDefaults(top.get("create_defaults")));
        }

        /** Source values a create sends where the canonical record gave none: {@code SourcePath: value}. */
        private List<CreateDefault> createDefaults(YamlEntry entry) {
            List<CreateDefault> defaults = new ArrayList<>();
            if (entry == null) {
                return defaults;
            }
            for (YamlEntry value : entry.value().entries("create_defaults").values()) {
                String field = "create_defaults." + value.key();
                if (!value.value().isScalar()) {
                    throw value.value().error(field, "a create default is a single value");
                }
                try {
                    defaults.add(CreateDefault.parse(value.key(), value.value().text(field)));
                } catch (IllegalArgumentException e) {
                    throw value.value().error(field, e.getMessage(), e);
                }
            }
            return defaults;
        }

        private Entity entity(YamlEntry entry, Entity expected) {
            Entity entity;
            try {
                entity = Entity.fromEntityName(entry.value().text("entity"));
            } catch (IllegalArgumentException e) {
                throw entry.value().error("entity", e.getMessage(), e);
            }
            if (expected != null && entity != expected) {
                throw entry.value().error("entity", "the file is for " + expected.collection() + ", so entity must be "
                        + expected.entityName() + ", not " + entity.entityName());
            }
            return entity;
        }

        private ScalarFieldMapping identityField(YamlEntry entry, RecordLayout layout, Class<?> type) {
            String field = "identity." + entry.key();
            FieldSpec spec = FieldSpec.of(entry, field);
            spec.reject(Set.of("enum", "write", "write_path", "default", "in", "fields"),
                    "identity fields are read only and always come from the source");
            return scalar(spec, entry.key(), layout.indexOf(entry.key()), type, false);
        }

        private DeletedRule deletedRule(YamlEntry entry) {
            FieldSpec spec = FieldSpec.of(entry, "identity.deleted");
            spec.reject(Set.of("enum", "write", "write_path", "default", "fields"),
                    "deleted is read from the source (path, in, convert)");
            JsonPath[] paths = spec.paths();
            Set<String> codes = null;
            Class<?> decision = Boolean.class;
            if (spec.has("in")) {
                codes = new LinkedHashSet<>();
                for (YamlElement code : spec.get("in").value().items(spec.field() + ".in")) {
                    codes.add(code.text(spec.field() + ".in"));
                }
                decision = String.class;
            }
            Converter converter = converter(spec, decision);
            if (!Coercions.possible(converter.valueType(), decision)) {
                throw spec.error("convert", "converter reads " + converter.valueType().getSimpleName()
                        + ", which cannot be " + (codes == null ? "true or false" : "compared with the codes in in:"));
            }
            return new DeletedRule(paths, converter, codes);
        }

        private RecordFields recordFields(YamlElement element, RecordLayout layout, String prefix,
                boolean entityLevel, Map<String, String> writtenPaths) {
            List<FieldMapping> mappings = new ArrayList<>();
            for (YamlEntry entry : element.entries(prefix).values()) {
                String field = prefix + "." + entry.key();
                int index = layout.indexOf(entry.key());
                if (index < 0) {
                    throw entry.error(field, "'" + entry.key() + "' is not a canonical field of "
                            + layout.type().getSimpleName() + "; its fields: " + ownFields(layout, entityLevel));
                }
                if (entityLevel && index < CompiledMapping.COMMON_FIELDS.size()) {
                    throw entry.error(field, IDENTITY_KEYS.contains(entry.key())
                            ? "'" + entry.key() + "' is an identity field: define it under identity:"
                            : "'" + entry.key() + "' is filled in by the engine, not by a mapping");
                }
                FieldMapping mapping = field(entry, layout, index, field, writtenPaths);
                claimWritePath(mapping, entry, field, writtenPaths);
                mappings.add(mapping);
            }
            return new RecordFields(layout, mappings);
        }

        private FieldMapping field(YamlEntry entry, RecordLayout layout, int index, String field,
                Map<String, String> writtenPaths) {
            Class<?> type = layout.type(index);
            if (type == List.class) {
                return nested(entry, layout, index, field, true, writtenPaths);
            }
            if (type.isRecord()) {
                return nested(entry, layout, index, field, false, writtenPaths);
            }
            FieldSpec spec = FieldSpec.of(entry, field);
            if (type.isEnum() && CanonicalStatus.class.isAssignableFrom(type)) {
                return enumField(spec, entry.key(), index, type);
            }
            if (spec.has("enum")) {
                throw spec.error("enum", "enum: applies to status fields only; " + entry.key() + " is "
                        + type.getSimpleName());
            }
            spec.reject(Set.of("in", "fields"), entry.key() + " is a single " + type.getSimpleName() + " value");
            return scalar(spec, entry.key(), index, type, true);
        }

        private ScalarFieldMapping scalar(FieldSpec spec, String name, int index, Class<?> type, boolean writable) {
            JsonPath[] paths = spec.paths();
            Converter converter = converter(spec, type);
            if (!Coercions.possible(converter.valueType(), type)) {
                throw spec.error("convert", "the converter reads " + converter.valueType().getSimpleName()
                        + " values, which cannot become " + name + " (" + type.getSimpleName() + ")");
            }
            WriteAccess access = writable ? access(spec, converter, type) : WriteAccess.NEVER;
            JsonPath writePath = spec.has("write_path")
                    ? FieldSpec.compilePath(spec.get("write_path").value(), spec.field()) : paths[0];
            Object defaultValue = null;
            if (spec.has("default")) {
                try {
                    defaultValue = Coercions.coerce(spec.text("default"), type);
                } catch (RuntimeException e) {
                    throw spec.error("default", "default '" + spec.text("default") + "' is not a valid "
                            + type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
            return new ScalarFieldMapping(name, index, access, paths, writePath, converter, type, defaultValue);
        }

        private EnumFieldMapping enumField(FieldSpec spec, String name, int index, Class<?> enumType) {
            spec.reject(Set.of("in", "fields", "default"), name + " is a status read through an enum table");
            if (!spec.has("enum")) {
                throw spec.error("enum", name + " is a status (" + enumType.getSimpleName()
                        + "): it needs an enum table, enum: <table name>");
            }
            EnumTable table = enumTables.compile(spec.get("enum"), enumType, spec.field());
            JsonPath[] paths = spec.paths();
            Converter converter = converter(spec, String.class);
            if (!Coercions.possible(converter.valueType(), String.class)) {
                throw spec.error("convert", "the converter reads " + converter.valueType().getSimpleName()
                        + " values, which cannot be looked up in an enum table");
            }
            WriteAccess access = access(spec, converter, String.class);
            JsonPath writePath = spec.has("write_path")
                    ? FieldSpec.compilePath(spec.get("write_path").value(), spec.field()) : paths[0];
            return new EnumFieldMapping(name, index, access, paths, writePath, converter, table);
        }

        private FieldMapping nested(YamlEntry entry, RecordLayout layout, int index, String field, boolean list,
                Map<String, String> writtenPaths) {
            Class<?> type = list ? layout.elementType(index) : layout.type(index);
            Map<String, YamlEntry> keys = entry.value().entries(field);
            requireKnownKeys(keys, OBJECT_KEYS, field, "key of a " + (list ? "list" : "nested") + " field");
            YamlEntry fieldsEntry = required(keys, "fields", entry.value(), field);
            JsonPath path = keys.containsKey("path") ? FieldSpec.compilePath(keys.get("path").value(), field) : null;
            if (list && path == null) {
                throw entry.error(field, entry.key() + " is a list: it needs the path of the source array (path: ...)");
            }
            WriteAccess access = keys.containsKey("write") ? writeAccess(keys.get("write"), field) : WriteAccess.ALWAYS;
            // a nested object without a path reads and writes the fields of the enclosing source object
            Map<String, String> nestedPaths = path == null ? writtenPaths : new HashMap<>();
            RecordFields fields = recordFields(fieldsEntry.value(), RecordLayout.of(type), field, false, nestedPaths);
            return list ? new ListFieldMapping(entry.key(), index, access, path, fields)
                    : new ObjectFieldMapping(entry.key(), index, access, path, fields);
        }

        private Converter converter(FieldSpec spec, Class<?> type) {
            String name = spec.has("convert") ? spec.text("convert") : defaultConverter(type);
            if (name == null) {
                throw spec.error("convert", "no default converter for " + type.getSimpleName() + ": name one");
            }
            ConverterFactory factory = converters.find(name).orElseThrow(() -> spec.error("convert",
                    "unknown converter '" + name + "'; known converters: " + String.join(", ", converters.names())));
            Map<String, String> arguments = new LinkedHashMap<>();
            for (YamlEntry argument : spec.converterArguments()) {
                if (!factory.arguments().contains(argument.key())) {
                    throw argument.error(spec.field(), "'" + argument.key() + "' is neither a field key "
                            + FieldSpec.FIELD_KEYS.stream().sorted().collect(Collectors.toList())
                            + " nor an argument of converter '" + name + "'"
                            + (factory.arguments().isEmpty() ? " (it takes none)"
                                    : " (it takes " + String.join(", ", factory.arguments()) + ")"));
                }
                arguments.put(argument.key(), argument.value().text(spec.field() + "." + argument.key()));
            }
            try {
                return factory.create(arguments);
            } catch (RuntimeException e) {
                throw spec.error("convert", "converter '" + name + "': " + e.getMessage(), e);
            }
        }

        private WriteAccess access(FieldSpec spec, Converter converter, Class<?> type) {
            WriteAccess declared = spec.has("write") ? writeAccess(spec.get("write"), spec.field()) : null;
            boolean canWrite = converter.writable() && Coercions.possible(type, converter.valueType());
            if (!canWrite) {
                if (declared != null && declared != WriteAccess.NEVER) {
                    throw spec.error("write", "the converter only reads; this field needs write: false");
                }
                return WriteAccess.NEVER;
            }
            return declared == null ? WriteAccess.ALWAYS : declared;
        }

        private WriteAccess writeAccess(YamlEntry entry, String field) {
            String value = entry.value().text(field + ".write");
            return switch (value) {
                case "true" -> WriteAccess.ALWAYS;
                case "false" -> WriteAccess.NEVER;
                case "create" -> WriteAccess.CREATE_ONLY;
                default -> throw entry.value().error(field, "write must be true, false or create, not '" + value + "'");
            };
        }

        /** Two writable fields writing the same source path would overwrite each other. */
        private void claimWritePath(FieldMapping mapping, YamlEntry entry, String field,
                Map<String, String> writtenPaths) {
            if (mapping.access == WriteAccess.NEVER) {
                return;
            }
            JsonPath path;
            if (mapping instanceof ScalarFieldMapping scalar) {
                path = scalar.writePath();
            } else if (mapping instanceof EnumFieldMapping enumField) {
                path = enumField.writePath();
            } else if (mapping instanceof ListFieldMapping list) {
                path = list.path();
            } else {
                path = ((ObjectFieldMapping) mapping).path();
            }
            if (path == null) {
                return;
            }
            String other = writtenPaths.putIfAbsent(path.toString(), field);
            if (other != null) {
                throw entry.error(field, "writes source path '" + path + "' like " + other
                        + " does; mark one of them write: false");
            }
        }

        private YamlEntry required(Map<String, YamlEntry> entries, String key, YamlElement parent, String field) {
            YamlEntry entry = entries.get(key);
            if (entry == null) {
                throw parent.error(field, "missing required key '" + key + "'");
            }
            return entry;
        }

        private void requireKnownKeys(Map<String, YamlEntry> entries, Set<String> known, String field, String what) {
            for (YamlEntry entry : entries.values()) {
                if (!known.contains(entry.key())) {
                    throw entry.error(field == null ? entry.key() : field + "." + entry.key(),
                            "unknown " + what + " '" + entry.key() + "'; expected one of " + String.join(", ", known));
                }
            }
        }

        private String ownFields(RecordLayout layout, boolean entityLevel) {
            List<String> names = layout.names();
            return String.join(", ", entityLevel
                    ? names.subList(CompiledMapping.COMMON_FIELDS.size(), names.size()) : names);
        }
    }

    private static String defaultConverter(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == BigDecimal.class) {
            return "decimal";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == Instant.class) {
            return "datetime";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        return null;
    }
}
