package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.RecordMappingException;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalJsonException;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A mapping file compiled for one system and entity; see {@link MappingCompiler}. */
final class CompiledMapping<T extends CanonicalRecord> implements Mapping<T> {

    /** The common components every entity record declares first, in this order. */
    static final List<String> COMMON_FIELDS = List.of("id", "remote_id", "connection_id", "entity", "created_at",
            "modified_at", "remote_version", "deleted", "custom_fields", "remote_data");

    /** Common fields a patch may carry (they identify the record) that an update leaves alone. */
    private static final Set<String> IDENTIFYING_FIELDS = Set.of("id", "remote_id", "connection_id", "entity",
            "created_at", "modified_at", "remote_version", "remote_data");

    private final String system;
    private final Entity entity;
    private final String source;
    private final Class<T> recordType;
    private final RecordLayout layout;
    private final ScalarFieldMapping remoteId;
    private final ScalarFieldMapping remoteVersion;
    private final ScalarFieldMapping modifiedAt;
    private final ScalarFieldMapping createdAt;
    private final DeletedRule deleted;
    private final RecordFields fields;
    /** Source values a create sends where the record gave none (required by the source, not canonical). */
    private final List<CreateDefault> createDefaults;

    @SuppressWarnings("unchecked")
    CompiledMapping(String system, Entity entity, String source, ScalarFieldMapping remoteId,
            ScalarFieldMapping remoteVersion, ScalarFieldMapping modifiedAt, ScalarFieldMapping createdAt,
            DeletedRule deleted, RecordFields fields, List<CreateDefault> createDefaults) {
        this.system = system;
        this.entity = entity;
        this.source = source;
        this.recordType = (Class<T>) entity.recordType();
        this.layout = fields.layout();
        if (!layout.names().subList(0, COMMON_FIELDS.size()).equals(COMMON_FIELDS)) {
            throw new IllegalStateException(recordType + " must declare the common fields first: " + COMMON_FIELDS);
        }
        this.remoteId = remoteId;
        this.remoteVersion = remoteVersion;
        this.modifiedAt = modifiedAt;
        this.createdAt = createdAt;
        this.deleted = deleted;
        this.fields = fields;
        this.createDefaults = List.copyOf(createDefaults);
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public Entity entity() {
        return entity;
    }

    @Override
    public Class<T> recordType() {
        return recordType;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public MappingResult<T> read(JsonNode raw, MappingContext context) {
        Objects.requireNonNull(context, "context");
        if (raw == null || !raw.isObject()) {
            throw new RecordMappingException(system, entity.entityName(), null, null, null, raw,
                    "a source record must be a JSON object", null);
        }
        ReadScope scope = new ReadScope();
        String remoteIdValue = null;
        try {
            remoteIdValue = (String) remoteId.read(raw, scope);
            if (remoteIdValue == null) {
                throw missing("remote_id", remoteId);
            }
            Object modifiedAtValue = modifiedAt.read(raw, scope);
            if (modifiedAtValue == null) {
                throw missing("modified_at", modifiedAt);
            }
            Object[] arguments = new Object[layout.size()];
            arguments[0] = CanonicalIds.stableId(context.connectionId(), entity.entityName(), remoteIdValue);
            arguments[1] = remoteIdValue;
            arguments[2] = context.connectionId();
            arguments[3] = entity.entityName();
            arguments[4] = createdAt == null ? null : createdAt.read(raw, scope);
            arguments[5] = modifiedAtValue;
            arguments[6] = remoteVersion == null ? null : remoteVersion.read(raw, scope);
            arguments[7] = deleted != null && deleted.read(raw, scope);
            arguments[8] = context.customFieldValues(raw);
            arguments[9] = context.keepRaw() ? raw : null;
            fields.readInto(raw, scope, arguments);
            return new MappingResult<>(recordType.cast(layout.construct(arguments)), scope.warnings());
        } catch (ConversionFailure failure) {
            throw new RecordMappingException(system, entity.entityName(), remoteIdValue, failure.field,
                    failure.sourcePath, failure.rawValue, failure.problem, failure.getCause());
        }
    }

    @Override
    public ObjectNode write(CanonicalRecord record, WriteMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (!recordType.isInstance(record)) {
            throw new IllegalArgumentException("The " + system + " " + entity.collection() + " mapping writes "
                    + recordType.getSimpleName() + ", not " + (record == null ? "null" : record.getClass().getName()));
        }
        ObjectNode target = JsonNodeFactory.instance.objectNode();
        try {
            fields.write(record, target, mode);
        } catch (WriteFailure failure) {
            throw writeException(failure);
        }
        if (mode == WriteMode.CREATE) {
            createDefaults.forEach(createDefault -> createDefault.applyTo(target));
        }
        return target;
    }

    @Override
    public ObjectNode write(JsonNode canonical, WriteMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (canonical == null || !canonical.isObject()) {
            throw new WriteMappingException(system, entity.entityName(), WriteMappingException.Reason.INVALID_VALUE,
                    List.of(), "canonical " + entity.entityName() + " JSON must be an object", null);
        }
        if (mode == WriteMode.CREATE) {
            try {
                return write((CanonicalRecord) CanonicalJson.read(canonical, recordType), mode);
            } catch (CanonicalJsonException e) {
                WriteMappingException.Reason reason = e.reason() == CanonicalJsonException.Reason.UNKNOWN_FIELD
                        ? WriteMappingException.Reason.UNKNOWN_FIELD : WriteMappingException.Reason.INVALID_VALUE;
                throw new WriteMappingException(system, entity.entityName(), reason,
                        e.field() == null ? List.of() : List.of(e.field()), e.getMessage(), e);
            }
        }
        ObjectNode patch = (ObjectNode) canonical;
        List<String> unknown = new ArrayList<>();
        List<String> notUpdatable = new ArrayList<>();
        fields.checkPatch(patch, "", IDENTIFYING_FIELDS, unknown, notUpdatable);
        if (!unknown.isEmpty()) {
            throw new WriteMappingException(system, entity.entityName(), WriteMappingException.Reason.UNKNOWN_FIELD,
                    unknown, "unknown " + entity.entityName() + " fields " + unknown, null);
        }
        if (!notUpdatable.isEmpty()) {
            throw new WriteMappingException(system, entity.entityName(),
                    WriteMappingException.Reason.FIELD_NOT_UPDATABLE, notUpdatable,
                    "fields " + notUpdatable + " cannot be updated in " + system + " (updatable: "
                            + fields.writableFields(WriteMode.UPDATE) + ")", null);
        }
        ObjectNode target = JsonNodeFactory.instance.objectNode();
        try {
            fields.writePatch(patch, target, IDENTIFYING_FIELDS);
        } catch (WriteFailure failure) {
            throw writeException(failure);
        }
        return target;
    }

    @Override
    public Set<String> writableFields(WriteMode mode) {
        return fields.writableFields(mode);
    }

    @Override
    public String toString() {
        return "Mapping[" + system + "/" + entity.collection() + " from " + source + "]";
    }

    private static ConversionFailure missing(String field, ScalarFieldMapping mapping) {
        return new ConversionFailure(field, mapping.firstPath().toString(), null,
                "the source record has no " + field + " (source path '" + mapping.firstPath() + "')", null);
    }

    private WriteMappingException writeException(WriteFailure failure) {
        return new WriteMappingException(system, entity.entityName(), failure.reason, List.of(failure.field),
                "field '" + failure.field + "': " + failure.getMessage(), failure.getCause());
    }
}
