package dev.millwright.component.maximo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import dev.millwright.simulators.maximo.MaximoSimulator;

/** The maximo consumer: polls changes, emits one exchange per record, moves the watermark on completion only. */
class MaximoConsumerTest extends CamelTestSupport {

    private static final String KEY = "consumer-key";
    private static final CursorKey CURSOR = new CursorKey("plant-7", "vendor");

    private MaximoSimulator maximo;
    private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    protected void doPreSetup() {
        maximo = MaximoSimulator.builder().apiKey(KEY).seed(3).vendors(30).workOrders(5).purchaseOrders(1)
                .inventoryItems(1).assets(5).build();
        maximo.start();
    }

    @AfterEach
    void stopSimulator() {
        maximo.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "plant-7", "maximo", Map.of("baseUrl", maximo.baseUrl(), "apiKey", KEY))));
        context.getRegistry().bind("watermarks", watermarks);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("maximo:vendors?connection=plant-7&initialHistory=all&pageSize=7&delay=200&scheduler=quartz"
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

    @Test
    void emitsEveryChangedRecordOnceAndStoresTheWatermark() throws Exception {
        context.getRouteController().startRoute("vendors");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30 && watermarks.load(CURSOR).isPresent());
        // later polls (every second) find nothing new: no record is emitted twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> received.size() == 30);

        String newest = maximo.records("MXAPIVENDOR").stream().map(v -> v.get("changedate").asText())
                .map(t -> java.time.OffsetDateTime.parse(t).toInstant()).max(java.util.Comparator.naturalOrder())
                .orElseThrow().toString();
        assertThat(watermarks.load(CURSOR).orElseThrow().watermark().toString()).isEqualTo(newest);
    }

    @Test
    void aChangedRecordIsEmittedAgainOnTheNextPoll() throws Exception {
        context.getRouteController().startRoute("vendors");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30);
        ObjectNode vendor = maximo.records("MXAPIVENDOR").get(4);
        maximo.modify("MXAPIVENDOR", maximo.restIdOf(vendor), Map.of("name", "Renamed Supply Co"));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .anyMatch(v -> v.get("name").asText().equals("Renamed Supply Co")));
        assertThat(received).hasSize(31);
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAndItsRecordIsEmittedAgain() throws Exception {
        List<ObjectNode> vendors = maximo.records("MXAPIVENDOR");
        String failingId = maximo.restIdOf(vendors.get(10));
        failOnce.add(failingId);
        failing.set(true);
        context.getRouteController().startRoute("vendors");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().map(maximo::restIdOf).distinct().count() == 30);
        assertThat(failOnce).isEmpty();
        assertThat(received.stream().filter(v -> maximo.restIdOf(v).equals(failingId))).hasSize(1);
    }
}
