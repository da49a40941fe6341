package dev.millwright.runtime.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.connection.ConnectionRequest;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.ConnectionStartup;
import dev.millwright.simulators.maximo.MaximoSimulator;

/**
 * The embedded demo: starts the built-in simulators, creates (or updates) the connections of
 * {@code config/connections/demo.yaml} with their sync schedules, and keeps changing a few simulator records so
 * that every sync finds something new.
 */
@ApplicationScoped
public class DemoEnvironment {

    static final String DEMO_CONNECTIONS = "millwright/config/connections/demo.yaml";
    private static final Logger LOG = Logger.getLogger(DemoEnvironment.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CHANGING = List.of("MXAPIWODETAIL", "MXAPIWODETAIL", "MXAPIPO", "MXAPIASSET",
            "MXAPIVENDOR", "MXAPIINVENTORY");

    @Inject
    MillwrightConfig config;

    @Inject
    ConnectionService connections;

    private MaximoSimulator maximo;
    private ScheduledExecutorService changes;

    void start(@Observes @Priority(ConnectionStartup.PRIORITY + 10) StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        MillwrightConfig.Demo.Maximo settings = config.demo().maximo();
        maximo = MaximoSimulator.builder().port(settings.port()).apiKey(settings.apiKey())
                .workOrders(settings.workOrders()).purchaseOrders(settings.purchaseOrders())
                .inventoryItems(settings.inventoryItems()).vendors(settings.vendors()).assets(settings.assets())
                .seed(42).build();
        maximo.start();
        LOG.infof("Demo Maximo simulator at %s (API key %s)", maximo.baseUrl(), settings.apiKey());
        createConnections(Map.of("${simulator.maximo.url}", maximo.baseUrl(),
                "${simulator.maximo.api-key}", settings.apiKey()));
        startChanging(config.demo().changesPerMinute());
    }

    void stop(@Observes ShutdownEvent event) {
        if (changes != null) {
            changes.shutdownNow();
        }
        if (maximo != null) {
            maximo.close();
        }
    }

    /** The Maximo simulator of the demo, or null when the demo is off. */
    public MaximoSimulator maximo() {
        return maximo;
    }

    private void createConnections(Map<String, String> variables) {
        JsonNode definitions;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO_CONNECTIONS)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + DEMO_CONNECTIONS + " is missing");
            }
            definitions = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMO_CONNECTIONS, e);
        }
        for (JsonNode definition : definitions.path("connections")) {
            String id = definition.path("id").asText();
            Map<String, String> settings = new LinkedHashMap<>();
            definition.path("settings").fields().forEachRemaining(setting -> {
                String value = setting.getValue().asText();
                for (Map.Entry<String, String> variable : variables.entrySet()) {
                    value = value.replace(variable.getKey(), variable.getValue());
                }
                settings.put(setting.getKey(), value);
            });
            Map<String, String> schedules = new LinkedHashMap<>();
            definition.path("schedules").fields().forEachRemaining(schedule ->
                    schedules.put(schedule.getKey(), schedule.getValue().asText()));
            String token = connections.ensure(id, new ConnectionRequest(definition.path("system").asText(),
                    definition.path("name").asText(null), settings, schedules, Map.of()));
            if (token != null) {
                LOG.infof("Demo connection '%s' created; its API token (shown once): %s", id, token);
            } else {
                LOG.infof("Demo connection '%s' syncs %s", id, schedules.keySet());
            }
        }
    }

    private void startChanging(int perMinute) {
        if (perMinute <= 0) {
            return;
        }
        Random random = new Random(7);
        changes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "millwright-demo-changes");
            thread.setDaemon(true);
            return thread;
        });
        changes.scheduleAtFixedRate(() -> {
            try {
                changeOneRecord(random);
            } catch (RuntimeException e) {
                LOG.debugf("demo change failed: %s", e.getMessage());
            }
        }, 5_000, Math.max(100, 60_000 / perMinute), TimeUnit.MILLISECONDS);
    }

    private void changeOneRecord(Random random) {
        String objectStructure = CHANGING.get(random.nextInt(CHANGING.size()));
        List<ObjectNode> records = maximo.records(objectStructure);
        if (records.isEmpty()) {
            return;
        }
        ObjectNode record = records.get(random.nextInt(records.size()));
        String field = switch (objectStructure) {
            case "MXAPIVENDOR" -> "phone";
            case "MXAPIINVENTORY" -> "binnum";
            default -> "description";
        };
        String text = record.path(field).asText("");
        String changed = text.replaceAll(" \\(rev \\d+\\)$", "") + " (rev " + (random.nextInt(90) + 10) + ")";
        maximo.modify(objectStructure, maximo.restIdOf(record), Map.of(field, changed));
    }
}
