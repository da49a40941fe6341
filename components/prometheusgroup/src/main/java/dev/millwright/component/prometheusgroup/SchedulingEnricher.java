package dev.millwright.component.prometheusgroup;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.component.prometheusgroup.profile.CollectionProfile;
import dev.millwright.component.prometheusgroup.profile.EnrichmentProfile;
import dev.millwright.component.prometheusgroup.profile.RestProfile;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.model.Entity;

/**
 * Enriches work orders read from a host EAM (the {@code hostConnection} of a Prometheus Group connection, an
 * {@code s4hana} or {@code maximo} connection) with their scheduling fields from Prometheus Group, matched by work
 * order number: each host record gains a member (the profile's {@code enrichment.target}, {@code prometheusgroup})
 * holding planned start and finish, schedule week, crew and planner. Numbers are looked up in batches.
 *
 * <p>Use it in a route after the host's {@code readChanges} and before the canonical mapping. As a processor it
 * enriches the body: one host record, a list of them, or an iterator (a change stream, which stays lazy). Its
 * {@link #readChanges(Exchange)} reads the host's changes itself, through the host's Camel endpoint, and enriches
 * them. Either way it sets the {@code MillwrightCustomFields} header, so that {@code canonical:<host>/work-orders}
 * puts the scheduling fields into {@code custom_fields} (next to the host connection's own custom fields).
 *
 * <pre>
 * from("quartz:plant-7?cron=0+0/15+*+*+*+?")
 *     .bean(new SchedulingEnricher("pg-1"), "readChanges")
 *     .split(body()).streaming()
 *         .to("canonical:maximo/work-orders")
 *         ...
 * </pre>
 *
 * It never touches the host component's classes: the host is reached through its URI, Prometheus Group through this
 * component's own client.
 */
public class SchedulingEnricher extends ServiceSupport implements Processor, CamelContextAware {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CamelContext camelContext;
    private String connection;
    private String component = PrometheusGroupComponent.SCHEME;
    private String hostCollection = "work-orders";
    private int batchSize;

    private PrometheusGroupEndpoint endpoint;
    private EnrichmentProfile enrichment;
    private CollectionProfile.Lookup lookup;
    private String hostSystem;
    private String hostConnection;
    private JsonPointer hostNumber;
    private Map<String, String> customFields;
    private ProducerTemplate producer;

    public SchedulingEnricher() {
    }

    /** @param connection the Prometheus Group connection naming the host connection and system */
    public SchedulingEnricher(String connection) {
        this.connection = connection;
    }

    @Override
    protected void doStart() throws Exception {
        if (camelContext == null) {
            throw new IllegalStateException("SchedulingEnricher needs its CamelContext (bind it in the registry, or"
                    + " setCamelContext)");
        }
        if (connection == null || connection.isBlank()) {
            throw new IllegalArgumentException("SchedulingEnricher needs the id of a Prometheus Group connection");
        }
        PrometheusGroupComponent pg = camelContext.getComponent(component, PrometheusGroupComponent.class);
        ConnectionSettings settings = pg.getConnectionRegistry() == null ? null
                : pg.getConnectionRegistry().find(connection).orElse(null);
        if (settings == null) {
            throw new NotFoundException("unknown connection '" + connection + "' (a " + pg.system()
                    + " connection is needed to enrich host work orders)", ErrorContext.of(connection, null));
        }
        RestProfile profile = pg.profile(settings.options().get("profile"));
        enrichment = profile.enrichment();
        if (enrichment == null) {
            throw new IllegalArgumentException("the profile " + profile.source() + " of connection '" + connection
                    + "' describes no enrichment");
        }
        lookup = profile.collection(enrichment.collection()).lookup();
        endpoint = camelContext.getEndpoint(component + ":" + enrichment.collection() + "?connection=" + connection,
                PrometheusGroupEndpoint.class);
        PrometheusGroupConfiguration effective = (PrometheusGroupConfiguration) endpoint.effectiveConfiguration();
        hostSystem = effective.getHostSystem();
        hostConnection = effective.getHostConnection();
        if (hostSystem == null || hostConnection == null) {
            throw new IllegalArgumentException("connection '" + connection + "' names no host EAM: set its options"
                    + " hostConnection (the id of the s4hana or maximo connection) and hostSystem");
        }
        hostNumber = enrichment.hostNumbers().get(hostSystem);
        if (hostNumber == null) {
            throw new IllegalArgumentException("the profile " + profile.source() + " does not say where " + hostSystem
                    + " work orders keep their number (enrichment.hosts); hosts: "
                    + String.join(", ", enrichment.hostNumbers().keySet()));
        }
        customFields = new LinkedHashMap<>();
        enrichment.fields().keySet().forEach(name -> customFields.put(name, enrichment.target() + "." + name));
        producer = camelContext.createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (producer != null) {
            producer.stop();
        }
    }

    /**
     * Reads the host's changed work orders through {@code <hostSystem>:<hostCollection>?connection=<hostConnection>
     * &operation=readChanges} (with this exchange's headers: modifiedAfter, cursor, full resync) and enriches them.
     * The body becomes a lazy iterator of enriched host records; the cursor headers of the host read are kept for
     * the sink to commit.
     */
    public void readChanges(Exchange exchange) throws Exception {
        requireStarted();
        String uri = hostSystem + ":" + hostCollection + "?connection=" + hostConnection + "&operation=readChanges";
        producer.send(uri, exchange);
        if (exchange.getException() != null) {
            Exception failure = exchange.getException();
            exchange.setException(null);
            throw failure;
        }
        process(exchange);
    }

    /** Enriches the body: one host record (JSON, Map or text), a collection of them, or an iterator of them. */
    @Override
    public void process(Exchange exchange) throws Exception {
        requireStarted();
        Message message = exchange.getMessage();
        Object body = message.getBody();
        ErrorContext context = ErrorContext.of(connection, Entity.WORK_ORDER.entityName());
        if (body instanceof Iterator<?> records) {
            message.setBody(new EnrichingIterator(records, context));
        } else if (body instanceof Collection<?> records) {
            List<ObjectNode> enriched = new ArrayList<>(records.size());
            for (Object record : records) {
                enriched.add(object(record));
            }
            for (int from = 0; from < enriched.size(); from += batch()) {
                enrich(enriched.subList(from, Math.min(enriched.size(), from + batch())), context);
            }
            message.setBody(enriched);
        } else {
            ObjectNode record = object(body);
            enrich(List.of(record), context);
            message.setBody(record);
        }
        message.setHeader(PrometheusGroupConstants.CUSTOM_FIELDS, mergedCustomFields(message));
    }

    private int batch() {
        return batchSize > 0 ? Math.min(batchSize, lookup.maxValues()) : lookup.maxValues();
    }

    /** Adds the member with the scheduling fields to each host record Prometheus Group has a work order for. */
    void enrich(List<ObjectNode> hostRecords, ErrorContext context) {
        Map<String, List<ObjectNode>> byNumber = new LinkedHashMap<>();
        for (ObjectNode record : hostRecords) {
            JsonNode number = record.at(hostNumber);
            if (!number.isMissingNode() && !number.isNull() && !number.asText().isBlank()) {
                byNumber.computeIfAbsent(number.asText(), key -> new ArrayList<>()).add(record);
            }
        }
        if (byNumber.isEmpty()) {
            return;
        }
        Set<String> matched = new HashSet<>();
        Iterator<ObjectNode> found = endpoint.profileClient().lookup(new ArrayList<>(byNumber.keySet()),
                byNumber.size(), context);
        while (found.hasNext()) {
            ObjectNode scheduled = found.next();
            String number = ProfileRecordIdentity.text(scheduled, lookup.field());
            List<ObjectNode> hosts = number == null ? null : byNumber.get(number);
            if (hosts == null || !matched.add(number)) {
                continue; // not asked for, or a second record of the same number: the first wins
            }
            for (ObjectNode host : hosts) {
                ObjectNode member = host.putObject(enrichment.target());
                enrichment.fields().forEach((name, pointer) -> {
                    JsonNode value = scheduled.at(pointer);
                    member.set(name, value.isMissingNode() ? NullNode.getInstance() : value.deepCopy());
                });
            }
        }
    }

    /** The header's custom fields (or the host connection's own), plus the enrichment's. */
    private Map<String, String> mergedCustomFields(Message message) {
        Map<String, String> merged = new LinkedHashMap<>(customFields);
        Object header = message.getHeader(PrometheusGroupConstants.CUSTOM_FIELDS);
        if (header instanceof Map<?, ?> given) {
            given.forEach((name, path) -> merged.put(String.valueOf(name), String.valueOf(path)));
        } else if (header instanceof String declarations && !declarations.isBlank()) {
            for (String pair : declarations.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    merged.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
                }
            }
        } else {
            CustomFieldSource source = camelContext.getRegistry().findSingleByType(CustomFieldSource.class);
            Map<String, String> own = source == null ? null : source.customFields(hostConnection, Entity.WORK_ORDER);
            if (own != null) {
                merged.putAll(own);
            }
        }
        return merged;
    }

    private static ObjectNode object(Object record) {
        try {
            JsonNode node;
            if (record instanceof JsonNode json) {
                node = json;
            } else if (record instanceof Map<?, ?> map) {
                node = JSON.valueToTree(map);
            } else if (record instanceof String text) {
                node = JSON.readTree(text);
            } else if (record instanceof byte[] bytes) {
                node = JSON.readTree(bytes);
            } else {
                node = null;
            }
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a host work order is not valid JSON: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("a host work order must be a JSON object (ObjectNode, Map or JSON text),"
                + " not " + (record == null ? "nothing" : record.getClass().getSimpleName()));
    }

    private void requireStarted() {
        if (!isStarted()) {
            try {
                start();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeCamelException(e);
            }
        }
    }

    /** Enriches a lazy stream of host records a batch at a time, in their order. */
    private final class EnrichingIterator implements Iterator<ObjectNode>, Closeable {
        private final Iterator<?> source;
        private final ErrorContext context;
        private List<ObjectNode> batch = List.of();
        private int position;

        EnrichingIterator(Iterator<?> source, ErrorContext context) {
            this.source = source;
            this.context = context;
        }

        @Override
        public boolean hasNext() {
            if (position < batch.size()) {
                return true;
            }
            if (!source.hasNext()) {
                return false;
            }
            List<ObjectNode> next = new ArrayList<>(batch());
            while (next.size() < batch() && source.hasNext()) {
                next.add(object(source.next()));
            }
            enrich(next, context);
            batch = next;
            position = 0;
            return true;
        }

        @Override
        public ObjectNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.get(position++);
        }

        @Override
        public void close() throws IOException {
            if (source instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public String getConnection() {
        return connection;
    }

    /** The Prometheus Group connection whose options name the host connection and system. */
    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getComponent() {
        return component;
    }

    /** The name the Prometheus Group component is bound under ({@code prometheusgroup}). */
    public void setComponent(String component) {
        this.component = component;
    }

    public String getHostCollection() {
        return hostCollection;
    }

    /** The host collection {@link #readChanges} reads ({@code work-orders}). */
    public void setHostCollection(String hostCollection) {
        this.hostCollection = hostCollection;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Host records looked up per request (default and maximum: the profile's {@code lookup.max_values}). */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
