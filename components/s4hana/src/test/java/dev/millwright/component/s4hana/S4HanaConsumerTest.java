package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
import dev.millwright.simulators.s4hana.S4HanaSimulator;

/** The s4hana consumer: polls changes, emits one exchange per record, moves the watermark on completion only. */
class S4HanaConsumerTest extends CamelTestSupport {

    private static final CursorKey CURSOR = new CursorKey("plant-1010", "asset");

    private S4HanaSimulator s4;
    private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final List<Object> modifiedHeaders = new CopyOnWriteArrayList<>();

    @Override
    protected void doPreSetup() {
        s4 = S4HanaSimulator.builder().basicUser("POLLER", "pw").seed(3).equipment(30).purchaseOrders(1)
                .maintenanceOrders(1).stockRecords(1).suppliers(1).serverPageSize(4).build().start();
    }

    @AfterEach
    void stopSimulator() {
        s4.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "plant-1010", "s4hana", Map.of("baseUrl", s4.baseUrl(), "user", "POLLER", "password", "pw"))));
        context.getRegistry().bind("watermarks", watermarks);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("s4hana:assets?connection=plant-1010&initialHistory=all&pageSize=7&delay=200&scheduler=quartz"
                        + "&scheduler.cron=0/1+*+*+*+*+?")
                        .routeId("equipment").autoStartup(false)
                        .process(exchange -> {
                            modifiedHeaders.add(exchange.getMessage().getHeader(SourceHeaders.MODIFIED_AT));
                            received.add(exchange.getMessage().getBody(ObjectNode.class));
                        });
            }
        };
    }

    @Test
    void emitsEveryChangedRecordOnceAndStoresTheNewestChangeTimeAsWatermark() throws Exception {
        context.getRouteController().startRoute("equipment");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30 && watermarks.load(CURSOR).isPresent());
        // later polls (every second) find nothing new: no record is emitted twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> received.size() == 30);

        Instant newest = s4.records("Equipment").stream()
                .map(e -> ODataDates.parse(e.get("LastChangeDateTime").asText())).max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(watermarks.load(CURSOR).orElseThrow().watermark()).isEqualTo(newest);
        assertThat(modifiedHeaders).allMatch(Instant.class::isInstance);
    }

    @Test
    void aChangedRecordIsEmittedAgainOnTheNextPoll() throws Exception {
        context.getRouteController().startRoute("equipment");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30);
        ObjectNode equipment = s4.records("Equipment").get(4);
        s4.modify("Equipment", s4.remoteIdOf(equipment), Map.of("EquipmentName", "Renamed feed pump"));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .anyMatch(e -> e.get("EquipmentName").asText().equals("Renamed feed pump")));
        assertThat(received).hasSize(31);
    }
}
