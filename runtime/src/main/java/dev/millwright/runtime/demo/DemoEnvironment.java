package dev.millwright.runtime.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.connection.ConnectionRequest;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.ConnectionStartup;
import dev.millwright.runtime.inbound.InboundSecretStore;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;
import dev.millwright.simulators.maximo.MaximoSimulator;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;
import dev.millwright.simulators.s4hana.S4HanaSimulator;

/**
 * The embedded demo: starts the built-in simulator of every system, creates (or updates) the connections of
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

    @Inject
    CamelContext camel;

    @Inject
    InboundSecretStore inboundSecrets;

    private MaximoSimulator maximo;
    private final Map<String, Map<String, String>> demoSettings = new LinkedHashMap<>();
    private final List<AutoCloseable> simulators = new ArrayList<>();
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
        simulators.add(maximo);
        LOG.infof("Demo Maximo simulator at %s (API key %s)", maximo.baseUrl(), settings.apiKey());
        Map<String, String> variables = new LinkedHashMap<>(Map.of("${simulator.maximo.url}", maximo.baseUrl(),
                "${simulator.maximo.api-key}", settings.apiKey()));
        variables.putAll(startOtherSimulators());
        createConnections(variables);
        if (settings.notifyChanges()) {
            notifyChangesInbound("demo-maximo");
        }
        startChanging(config.demo().changesPerMinute());
    }

    void stop(@Observes ShutdownEvent event) {
        if (changes != null) {
            changes.shutdownNow();
        }
        for (AutoCloseable simulator : simulators) {
            try {
                simulator.close();
            } catch (Exception e) {
                LOG.debugf("stopping a demo simulator failed: %s", e.getMessage());
            }
        }
    }

    /** One simulator of every other system, on free ports, with the credentials the demo connections use. */
    private Map<String, String> startOtherSimulators() {
        Map<String, String> variables = new LinkedHashMap<>();
        S4HanaSimulator s4hana = S4HanaSimulator.builder().basicUser("DEMO", "demo-s4-password").seed(42)
                .purchaseOrders(200).maintenanceOrders(300).stockRecords(150).suppliers(60).equipment(120).build()
                .start();
        simulators.add(s4hana);
        variables.putAll(Map.of("${simulator.s4hana.url}", s4hana.baseUrl(), "${simulator.s4hana.user}", "DEMO",
                "${simulator.s4hana.password}", "demo-s4-password"));

        NetSuiteSimulator netsuite = NetSuiteSimulator.builder().accountId("1234567")
                .tbaToken("demo-consumer-key", "demo-consumer-secret", "demo-token-id", "demo-token-secret")
                .seed(42).vendors(60).inventoryItems(150).purchaseOrders(200).workOrders(80).assets(100).build()
                .start();
        simulators.add(netsuite);
        variables.putAll(Map.of("${simulator.netsuite.url}", netsuite.baseUrl(),
                "${simulator.netsuite.account}", netsuite.accountId(),
                "${simulator.netsuite.consumer-key}", "demo-consumer-key",
                "${simulator.netsuite.consumer-secret}", "demo-consumer-secret",
                "${simulator.netsuite.token-id}", "demo-token-id",
                "${simulator.netsuite.token-secret}", "demo-token-secret"));

        BusinessCentralSimulator dynamics = BusinessCentralSimulator.builder()
                .client("demo-client", "demo-client-secret").seed(42).vendors(60).items(150).fixedAssets(100)
                .purchaseOrders(200).build().start();
        simulators.add(dynamics);
        variables.putAll(Map.of("${simulator.dynamics.url}", dynamics.baseUrl(),
                "${simulator.dynamics.token-url}", dynamics.tokenUrl(),
                "${simulator.dynamics.tenant}", dynamics.tenantId(),
                "${simulator.dynamics.company}", dynamics.companyName(),
                "${simulator.dynamics.client-id}", "demo-client",
                "${simulator.dynamics.client-secret}", "demo-client-secret"));

        ExpressMaintenanceSimulator expressMaintenance = ExpressMaintenanceSimulator.builder().seed(42)
                .workOrders(300).assets(120).inventoryItems(150).vendors(60).purchaseOrders(100).build().start();
        simulators.add(expressMaintenance);
        camel.getRegistry().bind("demoExpressMaintenance", expressMaintenance.dataSource());
        variables.put("${simulator.expressmaintenance.data-source}", "demoExpressMaintenance");

        PrometheusGroupSimulator prometheusGroup = PrometheusGroupSimulator.builder()
                .oauthClient("demo-planner", "demo-planner-secret").seed(42).workOrders(300).assets(120).build()
                .start();
        simulators.add(prometheusGroup);
        variables.putAll(Map.of("${simulator.prometheusgroup.url}", prometheusGroup.baseUrl(),
                "${simulator.prometheusgroup.client-id}", "demo-planner",
                "${simulator.prometheusgroup.client-secret}", "demo-planner-secret"));
        LOG.infof("Demo simulators: S/4HANA %s, NetSuite %s, Business Central %s, Prometheus Group %s,"
                + " Express Maintenance (H2 in memory)", s4hana.baseUrl(), netsuite.baseUrl(), dynamics.baseUrl(),
                prometheusGroup.baseUrl());
        return variables;
    }

    /**
     * Points the Maximo simulator's signed change notifications at this runtime's {@code /inbound/{connection}},
     * signed with the connection's inbound secret: every simulator change reaches the canonical store at once.
     */
    private void notifyChangesInbound(String connectionId) {
        String secret = inboundSecrets.ensure(connectionId);
        maximo.changeNotifications().addTarget(() -> "http://127.0.0.1:" + ConfigProvider.getConfig()
                .getOptionalValue(LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port"
                        : "quarkus.http.port", Integer.class).orElse(8080) + "/inbound/" + connectionId, secret);
        LOG.infof("Demo Maximo simulator notifies its changes to /inbound/%s", connectionId);
    }

    /** The resolved settings of a demo connection (its simulator's address and credentials), for new connections. */
    public Map<String, String> settings(String demoConnectionId) {
        Map<String, String> settings = demoSettings.get(demoConnectionId);
        if (settings == null) {
            throw new IllegalArgumentException("no demo connection '" + demoConnectionId + "'");
        }
        return settings;
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
            demoSettings.put(id, Map.copyOf(settings));
            Map<String, String> schedules = new LinkedHashMap<>();
            definition.path("schedules").fields().forEachRemaining(schedule ->
                    schedules.put(schedule.getKey(), schedule.getValue().asText()));
            Map<String, Map<String, String>> customFields = new LinkedHashMap<>();
            definition.path("custom_fields").fields().forEachRemaining(entity -> {
                Map<String, String> fields = new LinkedHashMap<>();
                entity.getValue().fields().forEachRemaining(field -> fields.put(field.getKey(),
                        field.getValue().asText()));
                customFields.put(entity.getKey(), fields);
            });
            String token = connections.ensure(id, new ConnectionRequest(definition.path("system").asText(),
                    definition.path("name").asText(null), settings, schedules, customFields));
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
