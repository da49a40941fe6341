package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The data the simulator generates, and what tests can do to it. */
class DataAccessTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-06-05T12:00:00Z"));

    private static PrometheusGroupSimulator simulator() {
        return PrometheusGroupSimulator.builder().seed(9).workOrders(300).assets(60).clock(CLOCK).build();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(simulator().records(PrometheusGroupSimulator.WORK_ORDERS))
                .isEqualTo(simulator().records(PrometheusGroupSimulator.WORK_ORDERS));
    }

    @Test
    void workOrdersAreNumberedLikeTheMaximoSimulatorsFrom1000() {
        List<ObjectNode> workOrders = simulator().records(PrometheusGroupSimulator.WORK_ORDERS);

        assertThat(workOrders.get(0).get("workOrderNumber").asText()).isEqualTo("1000");
        assertThat(workOrders.get(299).get("workOrderNumber").asText()).isEqualTo("1299");
        assertThat(workOrders).extracting(w -> w.get("site").asText()).containsOnly("BEDFORD", "TEXAS", "NASHUA");
    }

    @Test
    void scheduledWorkOrdersCarryAConsistentPlan() {
        List<ObjectNode> scheduled = simulator().records(PrometheusGroupSimulator.WORK_ORDERS).stream()
                .filter(w -> w.get("status").asText().equals("SCHEDULED")).toList();

        assertThat(scheduled).isNotEmpty().allSatisfy(w -> {
            Instant start = Instant.parse(w.get("plannedStart").asText());
            Instant finish = Instant.parse(w.get("plannedFinish").asText());
            LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(finish).isAfter(start);
            assertThat(w.get("scheduleWeek").asText()).isEqualTo(String.format("%d-W%02d",
                    day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            assertThat(w.get("crew").asText()).matches("[A-Z]+-[A-Z]");
            assertThat(w.get("planner").isNull()).isFalse();
        });
    }

    @Test
    void changeTimesLieWithinTheHistory() {
        PrometheusGroupSimulator pg = PrometheusGroupSimulator.builder().workOrders(100).historyDays(10).clock(CLOCK)
                .build();

        assertThat(pg.records(PrometheusGroupSimulator.WORK_ORDERS)).allSatisfy(w ->
                assertThat(Instant.parse(w.get("lastModified").asText()))
                        .isBetween(CLOCK.instant().minusSeconds(10 * 86_400), CLOCK.instant()));
    }

    @Test
    void modifyBumpsTheVersionAndStampsTheClock() {
        PrometheusGroupSimulator pg = simulator();
        ObjectNode before = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1010");

        ObjectNode after = pg.modify(PrometheusGroupSimulator.WORK_ORDERS, before.get("id").asText(),
                Map.of("crew", "PIPE-A"));

        assertThat(after.get("crew").asText()).isEqualTo("PIPE-A");
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
        assertThat(after.get("lastModified").asText()).isEqualTo("2024-06-05T12:00:00.000Z");
    }

    @Test
    void modifyMaySetTheChangeTimeForTies() {
        PrometheusGroupSimulator pg = simulator();
        String id = pg.records(PrometheusGroupSimulator.ASSETS).get(4).get("id").asText();

        ObjectNode after = pg.modify(PrometheusGroupSimulator.ASSETS, id,
                Map.of("lastModified", "2024-06-01T00:00:00Z", "model", "XR-7"));

        assertThat(after.get("lastModified").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
    }

    @Test
    void insertAndDeleteChangeTheCount() {
        PrometheusGroupSimulator pg = simulator();
        ObjectNode created = pg.insert(PrometheusGroupSimulator.WORK_ORDERS,
                Map.of("workOrderNumber", "77777", "site", "TEXAS", "description", "Added by a test"));

        assertThat(pg.count(PrometheusGroupSimulator.WORK_ORDERS)).isEqualTo(301);
        assertThat(pg.delete(PrometheusGroupSimulator.WORK_ORDERS, PrometheusGroupSimulator.idOf(created))).isTrue();
        assertThat(pg.count(PrometheusGroupSimulator.WORK_ORDERS)).isEqualTo(300);
    }

    @Test
    void anInvalidChangeIsRefusedNamingTheField() {
        PrometheusGroupSimulator pg = simulator();
        String id = pg.records(PrometheusGroupSimulator.WORK_ORDERS).get(0).get("id").asText();

        assertThatThrownBy(() -> pg.modify(PrometheusGroupSimulator.WORK_ORDERS, id, Map.of("priority", 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority");
    }

    @Test
    void aGarbledFieldIsServedAsGiven() {
        try (PrometheusGroupSimulator pg = simulator().start()) {
            String id = pg.records(PrometheusGroupSimulator.WORK_ORDERS).get(2).get("id").asText();
            pg.garble(PrometheusGroupSimulator.WORK_ORDERS, id, "plannedStart", "next Tuesday");

            JsonNode served = get(pg.baseUrl() + "/api/v1/workorders/" + id).json().get("data");

            assertThat(served.get("plannedStart").asText()).isEqualTo("next Tuesday");
            pg.ungarble(PrometheusGroupSimulator.WORK_ORDERS, id);
            assertThat(get(pg.baseUrl() + "/api/v1/workorders/" + id).json().at("/data/plannedStart").asText())
                    .isNotEqualTo("next Tuesday");
        }
    }
}
