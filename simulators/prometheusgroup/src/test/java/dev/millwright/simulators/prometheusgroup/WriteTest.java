package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.delete;
import static dev.millwright.simulators.prometheusgroup.TestHttp.get;
import static dev.millwright.simulators.prometheusgroup.TestHttp.patch;
import static dev.millwright.simulators.prometheusgroup.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates, updates and deletes of work orders; assets are read only. */
class WriteTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-06-03T08:00:00Z"));
    private static PrometheusGroupSimulator pg;
    private static String workOrders;

    @BeforeAll
    static void start() {
        pg = PrometheusGroupSimulator.builder().apiKey(TestHttp.API_KEY).clock(CLOCK).workOrders(20).assets(5)
                .build().start();
        workOrders = pg.baseUrl() + "/api/v1/workorders";
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void createAnswersTheRecordWithLocationAndETag() {
        TestHttp.Response response = post(workOrders, """
                {"workOrderNumber": "9001", "site": "BEDFORD", "description": "Replace pump seal",
                 "plannedStart": "2024-06-10T07:00:00Z", "plannedFinish": "2024-06-10T11:00:00Z", "crew": "MECH-A"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json().get("data");
        assertThat(created.get("status").isNull()).isTrue();
        assertThat(created.get("scheduleWeek").asText()).isEqualTo("2024-W24");
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("lastModified").asText()).isEqualTo("2024-06-03T08:00:00.000Z");
        assertThat(response.header("Location")).isEqualTo(workOrders + "/" + created.get("id").asText());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "9001")).isNotNull();
    }

    @Test
    void aCreateWithProblemsNamesEveryField() {
        TestHttp.Response response = post(workOrders, """
                {"site": "BEDFORD", "crew": "NOBODY", "plannedStart": "2024-06-10T07:00:00Z",
                 "plannedFinish": "2024-06-09T07:00:00Z", "colour": "red"}""");

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details")).extracting(d -> d.get("field").asText())
                .containsExactlyInAnyOrder("crew", "colour", "workOrderNumber", "description", "plannedFinish");
    }

    @Test
    void aDuplicateNumberIsRefused() {
        TestHttp.Response response = post(workOrders, """
                {"workOrderNumber": "1000", "site": "BEDFORD", "description": "again"}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/error/details/0/code").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void anUpdateWithTheCurrentVersionIsApplied() {
        JsonNode record = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1004");
        String id = record.get("id").asText();

        TestHttp.Response response = patch(workOrders + "/" + id, """
                {"crew": "ELEC-B", "plannedStart": "2024-07-01T07:00:00Z", "plannedFinish": "2024-07-01T09:00:00Z"}""",
                "If-Match", "\"" + record.get("version").asText() + "\"");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode updated = response.json().get("data");
        assertThat(updated.get("crew").asText()).isEqualTo("ELEC-B");
        assertThat(updated.get("scheduleWeek").asText()).isEqualTo("2024-W27");
        assertThat(updated.get("version").asLong()).isEqualTo(record.get("version").asLong() + 1);
    }

    @Test
    void anUpdateWithAStaleVersionIsAVersionConflict() {
        JsonNode record = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1005");
        String id = record.get("id").asText();
        pg.modify(PrometheusGroupSimulator.WORK_ORDERS, id, java.util.Map.of("planner", "KOBRIEN"));

        TestHttp.Response response = patch(workOrders + "/" + id, "{\"crew\": \"PIPE-A\"}", "If-Match",
                record.get("version").asText());

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("VERSION_CONFLICT");
    }

    @Test
    void theNumberCannotBeChangedAfterCreate() {
        String id = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1006").get("id").asText();

        TestHttp.Response response = patch(workOrders + "/" + id, "{\"workOrderNumber\": \"1\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/error/details/0/code").asText()).isEqualTo("READ_ONLY");
    }

    @Test
    void deleteRemovesTheRecord() {
        String id = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1007").get("id").asText();

        assertThat(delete(workOrders + "/" + id).status()).isEqualTo(204);
        assertThat(get(workOrders + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void assetsCannotBeWritten() {
        String id = pg.records(PrometheusGroupSimulator.ASSETS).get(0).get("id").asText();

        TestHttp.Response response = patch(pg.baseUrl() + "/api/v1/assets/" + id, "{\"model\": \"X\"}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aMemberGetAnswersTheRecordInTheDataEnvelope() {
        JsonNode record = pg.recordByNumber(PrometheusGroupSimulator.WORK_ORDERS, "1001");

        TestHttp.Response response = get(workOrders + "/" + record.get("id").asText());

        assertThat(response.json().get("data")).isEqualTo(record);
        assertThat(response.header("ETag")).isEqualTo("\"" + record.get("version").asText() + "\"");
    }
}
