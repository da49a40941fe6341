package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The consumer: polls changes, one exchange per record, the watermark moves on completion only and survives restarts. */
class ConsumerTest extends CamelTestSupport {

    private static final CursorKey CURSOR = new CursorKey("pg-7", "asset");
    private static final String ASSETS = PrometheusGroupSimulator.ASSETS;

    private PrometheusGroupSimulator pg;
    private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    protected void doPreSetup() {
        pg = PrometheusGroupSimulator.builder().oauthClient("poller", "poller-secret").seed(3).assets(30)
                .workOrders(5).build().start();
    }

    @AfterEach
    void stopSimulator() {
        pg.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "pg-7", "prometheusgroup", Map.of("baseUrl", pg.baseUrl(), "clientId", "poller",
                        "clientSecret", "poller-secret"))));
        context.getRegistry().bind("watermarks", watermarks);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("prometheusgroup:assets?connection=pg-7&initialHistory=all&pageSize=7&delay=200")
                        .routeId("assets").autoStartup(false)
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

    private Instant newest() {
        return pg.records(ASSETS).stream().map(a -> Instant.parse(a.get("lastModified").asText()))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    @Test
    void emitsEveryChangedRecordOnceAndStoresTheWatermark() throws Exception {
        context.getRouteController().startRoute("assets");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30 && watermarks.load(CURSOR)
                .map(cursor -> cursor.watermark().equals(newest())).orElse(false));
        // later polls find nothing new: no record is emitted twice
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 30);
    }

    @Test
    void aRestartedConsumerReadsOnlyWhatChangedSinceItStopped() throws Exception {
        context.getRouteController().startRoute("assets");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30 && watermarks.load(CURSOR)
                .map(cursor -> cursor.watermark().equals(newest())).orElse(false));
        context.getRouteController().stopRoute("assets");
        List<ObjectNode> assets = pg.records(ASSETS);
        pg.modify(ASSETS, assets.get(4).get("id").asText(), Map.of("model", "RX-1"));
        pg.modify(ASSETS, assets.get(9).get("id").asText(), Map.of("model", "RX-2"));

        context.getRouteController().startRoute("assets");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 32);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 32);
        assertThat(received.subList(30, 32)).extracting(a -> a.get("model").asText())
                .containsExactlyInAnyOrder("RX-1", "RX-2");
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAndItsRecordIsEmittedAgain() throws Exception {
        List<ObjectNode> assets = pg.records(ASSETS);
        String failingId = assets.get(10).get("id").asText();
        failOnce.add(failingId);
        failing.set(true);
        context.getRouteController().startRoute("assets");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().map(a -> a.get("id").asText())
                .distinct().count() == 30);
        assertThat(failOnce).isEmpty();
        assertThat(received.stream().filter(a -> a.get("id").asText().equals(failingId))).hasSize(1);
    }
}
