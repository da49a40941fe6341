package dev.millwright.component.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.InMemoryWatermarkStore;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/** The dynamics consumer: polls changes, emits one exchange per record, moves the watermark on completion only. */
class DynamicsConsumerTest extends CamelTestSupport {

    private static final CursorKey CURSOR = new CursorKey("plant-7", "vendor");

    private BusinessCentralSimulator bc;
    private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    protected void doPreSetup() {
        bc = BusinessCentralSimulator.builder().client(TestBusinessCentral.CLIENT_ID, TestBusinessCentral.SECRET)
                .seed(3).vendors(30).items(2).fixedAssets(1).purchaseOrders(1).build().start();
    }

    @AfterEach
    void stopSimulator() {
        bc.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "plant-7", "dynamics", TestBusinessCentral.connectionOptions(bc))));
        context.getRegistry().bind("watermarks", watermarks);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("dynamics:vendors?connection=plant-7&initialHistory=all&pageSize=7&delay=200&scheduler=quartz"
                        + "&scheduler.cron=0/1+*+*+*+*+?")
                        .routeId("vendors").autoStartup(false)
                        .process(exchange -> {
                            String id = exchange.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
                            if (failing.get() && failOnce.remove(id)) {
                                throw new IllegalStateException("sink down for " + id);
                            }
                            received.add(exchange.getMessage().getBody(ObjectNode.class));
                        });
            }
        };
    }

    private String idOf(ObjectNode vendor) {
        return vendor.get("id").asText();
    }

    @Test
    void emitsEveryChangedRecordOnceAndStoresTheWatermark() throws Exception {
        context.getRouteController().startRoute("vendors");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30 && watermarks.load(CURSOR).isPresent());
        // later polls (every second) find nothing new: no record is emitted twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> received.size() == 30);

        String newest = bc.records("vendors").stream()
                .map(v -> OffsetDateTime.parse(v.get("lastModifiedDateTime").asText()).toInstant())
                .max(Comparator.naturalOrder()).orElseThrow().toString();
        assertThat(watermarks.load(CURSOR).orElseThrow().watermark().toString()).isEqualTo(newest);
    }

    @Test
    void everyExchangeCarriesTheRecordsIdVersionAndTime() throws Exception {
        List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dynamics:assets?connection=plant-7&initialHistory=all&delay=200").routeId("assets")
                        .process(exchange -> headers.add(Map.copyOf(exchange.getMessage().getHeaders())));
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> !headers.isEmpty());

        ObjectNode asset = bc.records("fixedAssets").get(0);
        assertThat(headers.get(0)).containsEntry(SourceHeaders.REMOTE_ID, asset.get("id").asText())
                .containsEntry(SourceHeaders.REMOTE_VERSION, asset.get("@odata.etag").asText())
                .containsEntry(SourceHeaders.ENTITY, "asset").containsEntry(SourceHeaders.SYSTEM, "dynamics");
    }

    @Test
    void aChangedRecordIsEmittedAgainOnTheNextPoll() throws Exception {
        context.getRouteController().startRoute("vendors");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30);
        ObjectNode vendor = bc.records("vendors").get(4);
        bc.modify("vendors", idOf(vendor), Map.of("displayName", "Renamed Supply Co"));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .anyMatch(v -> v.get("displayName").asText().equals("Renamed Supply Co")));
        assertThat(received).hasSize(31);
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAndItsRecordIsEmittedAgain() throws Exception {
        List<ObjectNode> vendors = bc.records("vendors");
        String failingId = idOf(vendors.get(10));
        failOnce.add(failingId);
        failing.set(true);
        context.getRouteController().startRoute("vendors");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().map(this::idOf).distinct().count() == 30);
        assertThat(failOnce).isEmpty();
        assertThat(received.stream().filter(v -> idOf(v).equals(failingId))).hasSize(1);
    }
}
