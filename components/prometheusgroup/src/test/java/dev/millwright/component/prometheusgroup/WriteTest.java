package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** create, update and delete as the default profile describes them; assets are read only. */
class WriteTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WO = PrometheusGroupSimulator.WORK_ORDERS;
    private static PrometheusGroupSimulator pg;

    @BeforeAll
    static void startSimulator() {
        pg = PrometheusGroupSimulator.builder().oauthClient("writer", "writer-secret").seed(4).workOrders(30)
                .assets(5).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        pg.close();
    }

    private String uri(String collection, String operation) {
        return "prometheusgroup:" + collection + "?baseUrl=" + pg.baseUrl()
                + "&clientId=writer&clientSecret=writer-secret&operation=" + operation;
    }

    private RecordedRequest lastRequest() {
        return pg.requestLog().get(pg.requestLog().size() - 1);
    }

    @Test
    void createPostsTheRecordAsIsAndAnswersItsIdAndVersion() {
        ObjectNode workOrder = JSON.createObjectNode().put("workOrderNumber", "8800").put("site", "TEXAS")
                .put("description", "Replace conveyor belt").put("crew", "MECH-B")
                .put("plannedStart", "2024-07-08T07:00:00Z").put("plannedFinish", "2024-07-08T15:00:00Z");

        Exchange reply = template.request(uri("work-orders", "create"), e -> e.getMessage().setBody(workOrder));

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        ObjectNode stored = pg.record(WO, id);
        assertThat(stored.get("scheduleWeek").asText()).isEqualTo("2024-W28");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo("1");
        assertThat(reply.getMessage().getBody(ObjectNode.class)).isEqualTo(stored);
        assertThat(lastRequest().method()).isEqualTo("POST");
        assertThat(lastRequest().path()).isEqualTo("/api/v1/workorders");
    }

    @Test
    void updatePatchesTheRecordWithTheExpectedVersionInIfMatch() {
        ObjectNode any = pg.recordByNumber(WO, "1005");
        String id = any.get("id").asText();

        Exchange reply = template.request(uri("work-orders", "update"), e -> {
            e.getMessage().setHeader(SourceHeaders.REMOTE_ID, id);
            e.getMessage().setHeader(SourceHeaders.REMOTE_VERSION, any.get("version").asText());
            e.getMessage().setBody(Map.of("crew", "ELEC-A", "planner", "TNGUYEN"));
        });

        assertThat(reply.getException()).isNull();
        assertThat(pg.record(WO, id).get("crew").asText()).isEqualTo("ELEC-A");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION))
                .isEqualTo(Long.toString(any.get("version").asLong() + 1));
        assertThat(lastRequest().method()).isEqualTo("PATCH");
        assertThat(lastRequest().header("if-match")).isEqualTo(any.get("version").asText());
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictNamingTheRecord() {
        ObjectNode any = pg.recordByNumber(WO, "1006");
        String id = any.get("id").asText();
        pg.modify(WO, id, Map.of("planner", "RPATEL"));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "update"), Map.of("crew", "PIPE-A"),
                Map.of(SourceHeaders.REMOTE_ID, id, SourceHeaders.REMOTE_VERSION, any.get("version").asText())))
                .hasCauseInstanceOf(ConflictException.class)
                .cause().hasMessageContaining("VERSION_CONFLICT").hasMessageContaining("record '" + id + "'");
        assertThat(pg.record(WO, id).get("planner").asText()).isEqualTo("RPATEL");
    }

    @Test
    void aRefusedWriteIsAValidationFailureNamingEachField() {
        String id = pg.recordByNumber(WO, "1007").get("id").asText();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "update"),
                Map.of("crew", "NOBODY", "plannedStart", "2024-07-02T07:00:00Z", "plannedFinish", "2024-07-01T07:00:00Z"),
                SourceHeaders.REMOTE_ID, id))
                .hasCauseInstanceOf(ValidationFailedException.class)
                .cause().satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(FieldError::field, FieldError::remoteCode)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("crew", "INVALID_VALUE"),
                                org.assertj.core.groups.Tuple.tuple("plannedFinish", "BEFORE_START")));
    }

    @Test
    void deleteRemovesTheRecord() {
        ObjectNode created = pg.insert(WO, Map.of("workOrderNumber", "8900", "site", "NASHUA",
                "description", "Temporary"));
        String id = created.get("id").asText();

        template.requestBodyAndHeaders(uri("work-orders", "delete"), null, Map.of(SourceHeaders.REMOTE_ID, id,
                SourceHeaders.REMOTE_VERSION, created.get("version").asText()));

        assertThat(pg.record(WO, id)).isNull();
        assertThat(lastRequest().header("if-match")).isEqualTo("1");
    }

    @Test
    void writingAnAssetIsNotSupportedAndNothingIsSent() {
        String id = pg.records(PrometheusGroupSimulator.ASSETS).get(0).get("id").asText();
        pg.clearRequestLog();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("assets", "delete"), null, SourceHeaders.REMOTE_ID,
                id))
                .hasCauseInstanceOf(OperationNotSupportedException.class)
                .cause().hasMessageContaining("no delete").hasMessageContaining("prometheusgroup.yaml")
                .hasMessageContaining("entity 'asset'");
        assertThat(pg.requestLog()).isEmpty();
    }
}
