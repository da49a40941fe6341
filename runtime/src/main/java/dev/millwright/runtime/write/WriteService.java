package dev.millwright.runtime.write;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.core.capability.EntityCapabilities;
import dev.millwright.core.capability.Operation;
import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.SourceOperation;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.runtime.api.ProblemException;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.ConnectionStatus;
import dev.millwright.runtime.connection.SystemCatalog;
import dev.millwright.runtime.records.RecordQueries;
import dev.millwright.runtime.records.StoredRow;

/**
 * Writes through the canonical model, the same for every system: canonical body → capability check →
 * {@code canonical:<system>/<collection>} write mapping → the component's create/update/delete → the source; the
 * canonical store then holds what the source answered (remote id, version). Nothing reaches the source when the
 * capability matrix or the mapping refuses the write.
 */
@ApplicationScoped
public class WriteService {

    /** Canonical fields only the source sets. */
    static final Set<String> READ_ONLY = Set.of("id", "remote_id", "connection_id", "entity", "created_at",
            "modified_at", "remote_version", "deleted", "remote_data");

    @Inject
    ProducerTemplate producer;

    @Inject
    MappingRegistry mappings;

    @Inject
    SystemCatalog catalog;

    @Inject
    JdbcCanonicalStore store;

    @Inject
    RecordQueries queries;

    @Inject
    ConnectionService connections;

    public CanonicalRecord create(Connection connection, Entity entity, ObjectNode body) {
        ErrorContext context = ErrorContext.of(connection.id(), entity.entityName());
        refuseReadOnly(body, "a create");
        CanonicalRecord requested = CanonicalJson.read(entity, body);
        capabilities(connection).check(entity.entityName(), Operation.CREATE, Map.of(), List.of(), context);
        ObjectNode source = mapping(connection, entity).write(requested, WriteMode.CREATE);
        Exchange reply = call(connection, entity, SourceOperation.create, source, null, null);
        String remoteId = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        return storeSourceRecord(connection, entity, reply, remoteId);
    }

    public CanonicalRecord update(Connection connection, Entity entity, String id, ObjectNode patch, String ifMatch) {
        StoredRow stored = stored(connection, entity, id);
        ErrorContext context = new ErrorContext(connection.id(), entity.entityName(), stored.remoteId());
        refuseReadOnly(patch, "an update");
        if (patch.isEmpty()) {
            throw ProblemException.validation("the update changes nothing: name at least one field", List.of());
        }
        CanonicalJson.read(entity, patch);
        List<String> changed = new ArrayList<>();
        patch.fieldNames().forEachRemaining(changed::add);
        capabilities(connection).check(entity.entityName(), Operation.UPDATE, currentValues(stored), changed, context);
        ObjectNode source = mapping(connection, entity).write(patch, WriteMode.UPDATE);
        String version = ifMatch != null && !ifMatch.isBlank() ? ifMatch : stored.remoteVersion();
        Exchange reply = call(connection, entity, SourceOperation.update, source, stored.remoteId(), version);
        return storeSourceRecord(connection, entity, reply, stored.remoteId());
    }

    /**
     * A canonical delete, as the system supports it: a hard delete, a status change (e.g. cancelled), or a clear
     * refusal. Answers the record as it is stored afterwards.
     */
    public CanonicalRecord delete(Connection connection, Entity entity, String id, String ifMatch) {
        StoredRow stored = stored(connection, entity, id);
        ErrorContext context = new ErrorContext(connection.id(), entity.entityName(), stored.remoteId());
        CapabilityDescriptor capabilities = capabilities(connection);
        capabilities.check(entity.entityName(), Operation.DELETE, currentValues(stored), List.of(), context);
        String behaviour = capabilities.entity(entity.entityName()).map(EntityCapabilities::deleteBehaviour)
                .orElse("none");
        String version = ifMatch != null && !ifMatch.isBlank() ? ifMatch : stored.remoteVersion();
        if (behaviour.equals("hard")) {
            call(connection, entity, SourceOperation.delete, null, stored.remoteId(), version);
            store.markDeleted(stored.id());
            CanonicalRecord record = CanonicalJson.read(entity, stored.json());
            return record.withDeleted(true);
        }
        if (behaviour.startsWith("status:")) {
            ObjectNode statusChange = CanonicalJson.mapper().createObjectNode()
                    .put("status", behaviour.substring("status:".length()));
            ObjectNode source = mapping(connection, entity).write(statusChange, WriteMode.UPDATE);
            Exchange reply = call(connection, entity, SourceOperation.update, source, stored.remoteId(), version);
            return storeSourceRecord(connection, entity, reply, stored.remoteId());
        }
        throw new OperationNotSupportedException(connection.system() + " does not delete " + entity.entityName()
                + " records (delete behaviour '" + behaviour + "')", context);
    }

    private StoredRow stored(Connection connection, Entity entity, String id) {
        return queries.find(connection.id(), entity.entityName(), id, false).orElseThrow(() ->
                ProblemException.notFound("no " + entity.entityName() + " '" + id + "' in connection '"
                        + connection.id() + "'"));
    }

    private CapabilityDescriptor capabilities(Connection connection) {
        return catalog.describe(connection.system()).orElseThrow().capabilities();
    }

    @SuppressWarnings("unchecked")
    private Mapping<CanonicalRecord> mapping(Connection connection, Entity entity) {
        try {
            return (Mapping<CanonicalRecord>) mappings.mapping(connection.system(), entity);
        } catch (IllegalArgumentException e) {
            throw new OperationNotSupportedException("no " + connection.system() + " mapping for "
                    + entity.entityName(), ErrorContext.of(connection.id(), entity.entityName()));
        }
    }

    private static void refuseReadOnly(ObjectNode body, String what) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (READ_ONLY.contains(name)) {
                errors.add(new FieldError(name, "is set by the source system; " + what + " cannot set it"));
            } else if (name.equals("custom_fields") && !body.get(name).isEmpty()) {
                errors.add(new FieldError(name, "custom fields are read from the source; they cannot be written"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the body sets read-only fields", errors);
        }
        body.remove("custom_fields");
    }

    /** The stored record's top-level values as text, for the capability rules. */
    private static Map<String, String> currentValues(StoredRow stored) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode json = CanonicalJson.mapper().readTree(stored.json());
            json.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    values.put(field.getKey(), field.getValue().asText());
                }
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("record " + stored.id() + " is stored unreadably", e);
        }
        return values;
    }

    /**
     * Reads one record from the source now, maps it and stores it: the replay of a dead letter whose record was
     * fixed at the source. Throws the source's typed error, or the mapping's.
     */
    public CanonicalRecord refresh(Connection connection, Entity entity, String remoteId) {
        Exchange reply = call(connection, entity, SourceOperation.get, null, remoteId, null);
        return storeSourceRecord(connection, entity, reply, remoteId);
    }

    private Exchange call(Connection connection, Entity entity, SourceOperation operation, ObjectNode body,
            String remoteId, String version) {
        String uri = connection.system() + ":" + entity.collection() + "?connection=" + connection.id();
        Exchange reply = producer.request(uri, exchange -> {
            exchange.getMessage().setHeader(SourceHeaders.OPERATION, operation);
            if (remoteId != null) {
                exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, remoteId);
            }
            if (version != null) {
                exchange.getMessage().setHeader(SourceHeaders.REMOTE_VERSION, version);
            }
            exchange.getMessage().setBody(body);
        });
        Exception failure = reply.getException();
        if (failure != null) {
            Throwable cause = failure instanceof CamelExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ConnectorException connector) {
                observe(connection, connector);
                if (connector instanceof ConflictException) {
                    throw new ConflictException("the record changed at the source since version " + version
                            + "; read it again and retry (" + connector.detail() + ")", connector.context());
                }
                throw connector;
            }
            throw new IllegalStateException(operation + " of a " + entity.entityName() + " failed: "
                    + cause.getMessage(), cause);
        }
        connections.observe(connection.id(), ConnectionStatus.ONLINE, null);
        return reply;
    }

    private void observe(Connection connection, ConnectorException error) {
        if (error instanceof AuthenticationRequiredException) {
            connections.observe(connection.id(), ConnectionStatus.AUTH_REQUIRED, error.detail());
        } else if (error instanceof SourceUnavailableException) {
            connections.observe(connection.id(), ConnectionStatus.OFFLINE, error.detail());
        }
    }

    /** Maps what the source answered (or reads it back when the source answered nothing) and stores it. */
    private CanonicalRecord storeSourceRecord(Connection connection, Entity entity, Exchange reply, String remoteId) {
        JsonNode raw = reply.getMessage().getBody(JsonNode.class);
        if (raw == null || !raw.isObject()) {
            raw = call(connection, entity, SourceOperation.get, null, remoteId, null).getMessage()
                    .getBody(JsonNode.class);
        }
        MappingContext context = new MappingContext(connection.id(),
                connection.customFields().getOrDefault(entity.entityName(), Map.of()), true);
        CanonicalRecord record = mapping(connection, entity).read(raw, context).record();
        store.write(List.of(record));
        return record;
    }
}
