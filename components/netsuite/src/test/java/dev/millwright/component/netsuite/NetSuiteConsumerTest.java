package dev.millwright.component.netsuite;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.InMemoryWatermarkStore;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** The netsuite consumer: polls changes, emits one exchange per record, moves the watermark on completion only. */
class NetSuiteConsumerTest extends NetSuiteCamelTest {

    private static final CursorKey CURSOR = new CursorKey(TestAccount.OAUTH2, "vendor");

    private NetSuiteSimulator netsuite;
    private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    protected void doPreSetup() {
        netsuite = TestAccount.simulator().seed(43).vendors(30).inventoryItems(2).purchaseOrders(1).workOrders(1)
                .assets(1).build().start();
    }

    @AfterEach
    void stopSimulator() {
        netsuite.close();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("watermarks", watermarks);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("netsuite:vendors?connection=" + TestAccount.OAUTH2 + "&initialHistory=all&pageSize=7&delay=200"
                        + "&scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?")
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
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 30 && watermarks.load(CURSOR).isPresent());
        // later polls (every second) find nothing new: no record is emitted twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> received.size() == 30);

        Instant newest = netsuite.records("vendor").stream().map(v -> Instant.parse(v.get("lastModifiedDate").asText()))
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(watermarks.load(CURSOR).orElseThrow().watermark()).isEqualTo(newest);
    }

    @Test
    void aChangedRecordIsEmittedAgainOnTheNextPoll() throws Exception {
        context.getRouteController().startRoute("vendors");
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 30);
        ObjectNode vendor = netsuite.records("vendor").get(4);
        netsuite.modify("vendor", vendor.get("id").asText(), Map.of("companyName", "Renamed Industrial Supply"));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(v -> v.get("companyName").asText().equals("Renamed Industrial Supply")));
        assertThat(received).hasSize(31);
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAndItsRecordIsEmittedAgain() throws Exception {
        String failingId = netsuite.records("vendor").get(10).get("id").asText();
        failOnce.add(failingId);
        failing.set(true);
        context.getRouteController().startRoute("vendors");

        await().atMost(Duration.ofSeconds(40)).until(() -> received.stream().map(v -> v.get("id").asText())
                .distinct().count() == 30);
        assertThat(failOnce).isEmpty();
        assertThat(received.stream().filter(v -> v.get("id").asText().equals(failingId))).hasSize(1);
    }
}
