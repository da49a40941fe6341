package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The Prometheus Group mapping files, both directions, with records in the default profile's shape. */
class MappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTION = "pg-1";

    private static Mapping<WorkOrder> workOrders;
    private static Mapping<Asset> assets;

    @BeforeAll
    static void compile() {
        MappingRegistry registry = MappingRegistry.builder().system("prometheusgroup")
                .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build();
        workOrders = registry.mapping("prometheusgroup", WorkOrder.class);
        assets = registry.mapping("prometheusgroup", Asset.class);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String SCHEDULED = """
            {"id": "500123", "workOrderNumber": "1042", "site": "BEDFORD", "hostSystem": "MAXIMO",
             "description": "Replace bearings on Centrifugal Pump", "longDescription": "Parts kitted in the storeroom.",
             "status": "SCHEDULED", "priority": 2, "workType": "PM", "assetNumber": "11007", "location": "BR200",
             "plannedStart": "2024-06-03T07:00:00.000Z", "plannedFinish": "2024-06-03T15:00:00.000Z",
             "scheduleWeek": "2024-W23", "crew": "MECH-A", "planner": "JSMITH", "assignedTo": "WILSON",
             "estimatedHours": 8.0, "actualStart": null, "actualFinish": null, "dueDate": "2024-06-07T00:00:00.000Z",
             "createdAt": "2024-05-20T09:12:44.120Z", "lastModified": "2024-05-31T16:02:10.481Z", "version": 3}""";

    @Test
    void aScheduledWorkOrderReadsIntoTheCanonicalModel() {
        MappingResult<WorkOrder> result = workOrders.read(json(SCHEDULED), MappingContext.of(CONNECTION));

        WorkOrder order = result.record();
        assertThat(result.warnings()).isEmpty();
        assertThat(order.remoteId()).isEqualTo("500123");
        assertThat(order.remoteVersion()).isEqualTo("3");
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-05-31T16:02:10.481Z"));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-05-20T09:12:44.120Z"));
        assertThat(order.number()).isEqualTo("1042");
        assertThat(order.title()).isEqualTo("Replace bearings on Centrifugal Pump");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.SCHEDULED);
        assertThat(order.priority()).isEqualTo("2");
        assertThat(order.assetRemoteId()).isEqualTo("11007");
        assertThat(order.site()).isEqualTo("BEDFORD");
        assertThat(order.assignedTo()).isEqualTo("WILSON");
        assertThat(order.scheduledStart()).isEqualTo(Instant.parse("2024-06-03T07:00:00Z"));
        assertThat(order.scheduledEnd()).isEqualTo(Instant.parse("2024-06-03T15:00:00Z"));
        assertThat(order.dueDate()).isEqualTo(Instant.parse("2024-06-07T00:00:00Z"));
        assertThat(order.completedAt()).isNull();
    }

    @Test
    void everyGeneratedWorkOrderAndAssetMapsWithoutWarnings() {
        PrometheusGroupSimulator pg = PrometheusGroupSimulator.builder().seed(3).workOrders(400).assets(200).build();

        assertThat(pg.records(PrometheusGroupSimulator.WORK_ORDERS)).allSatisfy(record ->
                assertThat(workOrders.read(record, MappingContext.of(CONNECTION)).warnings()).isEmpty());
        assertThat(pg.records(PrometheusGroupSimulator.ASSETS)).allSatisfy(record ->
                assertThat(assets.read(record, MappingContext.of(CONNECTION)).warnings()).isEmpty());
    }

    @Test
    void theWaitingStatusesAreOnHold() {
        ObjectNode waiting = json(SCHEDULED).put("status", "WAITING_MATERIAL");

        assertThat(workOrders.read(waiting, MappingContext.of(CONNECTION)).record().status())
                .isEqualTo(WorkOrderStatus.ON_HOLD);
    }

    @Test
    void anUnknownStatusIsNullWithAWarningAndStaysInRemoteData() {
        ObjectNode odd = json(SCHEDULED).put("status", "PARKED");

        MappingResult<WorkOrder> result = workOrders.read(odd, new MappingContext(CONNECTION, Map.of(), true));

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("status");
            assertThat(warning.rawValue().asText()).isEqualTo("PARKED");
        });
        assertThat(result.record().remoteData().get("status").asText()).isEqualTo("PARKED");
    }

    @Test
    void theProfilesCustomFieldsFillCustomFields() {
        PrometheusGroupComponent component = new PrometheusGroupComponent();
        component.setCamelContext(new DefaultCamelContext());
        InMemoryConnectionRegistry connections = new InMemoryConnectionRegistry()
                .register(new ConnectionSettings(CONNECTION, "prometheusgroup", Map.of("baseUrl", "http://pg")));
        ProfileCustomFieldSource source = new ProfileCustomFieldSource(component, connections,
                (connection, entity) -> Map.of("cf_host", "hostSystem"));

        Map<String, String> declared = source.customFields(CONNECTION, Entity.WORK_ORDER);
        WorkOrder order = workOrders.read(json(SCHEDULED), new MappingContext(CONNECTION, declared, false)).record();

        assertThat(order.customFields()).containsEntry("schedule_week", "2024-W23").containsEntry("crew", "MECH-A")
                .containsEntry("planner", "JSMITH").containsEntry("estimated_hours", new BigDecimal("8.0"))
                .containsEntry("cf_host", "MAXIMO");
        assertThat(source.customFields(CONNECTION, Entity.ASSET)).containsOnlyKeys("cf_host");
    }

    @Test
    void aCanonicalWorkOrderIsCreatedAsAPlanningRecord() {
        WorkOrder order = workOrders.read(json(SCHEDULED), MappingContext.of(CONNECTION)).record();

        ObjectNode body = workOrders.write(order, WriteMode.CREATE);

        assertThat(body.get("workOrderNumber").asText()).isEqualTo("1042");
        assertThat(body.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(body.get("priority").asInt()).isEqualTo(2);
        assertThat(Instant.parse(body.get("plannedStart").asText())).isEqualTo(Instant.parse("2024-06-03T07:00:00Z"));
        assertThat(body.has("id")).isFalse();
        assertThat(body.has("lastModified")).isFalse();
    }

    @Test
    void anUpdateWritesOnlyTheFieldsThePatchNames() {
        JsonNode patch = json("{\"status\": \"on_hold\", \"scheduled_end\": \"2024-06-04T15:00:00Z\"}");

        ObjectNode body = workOrders.write(patch, WriteMode.UPDATE);

        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("status", "plannedFinish");
        assertThat(body.get("status").asText()).isEqualTo("ON_HOLD");
    }

    @Test
    void theNumberIsNotUpdatable() {
        assertThatThrownBy(() -> workOrders.write(json("{\"number\": \"2000\"}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE));
    }

    @Test
    void anAssetReadsIntoTheCanonicalModel() {
        ObjectNode asset = json("""
                {"id": "300017", "assetNumber": "11016", "site": "NASHUA", "description": "Chiller, Utilities",
                 "status": "DOWN", "location": "NA250", "parentAssetNumber": "11001", "serialNumber": "SN-204511",
                 "manufacturer": "Coldline HVAC", "model": "CO-420", "installDate": "2016-09-14", "criticality": "A",
                 "lastModified": "2024-05-02T11:45:00.000Z", "version": 2}""");

        Asset record = assets.read(asset, MappingContext.of(CONNECTION)).record();

        assertThat(record.number()).isEqualTo("11016");
        assertThat(record.name()).isEqualTo("Chiller, Utilities");
        assertThat(record.status()).isEqualTo(AssetStatus.NOT_READY);
        assertThat(record.parentRemoteId()).isEqualTo("11001");
        assertThat(record.installDate()).isEqualTo(LocalDate.of(2016, 9, 14));
        assertThat(record.criticality()).isEqualTo("A");
        assertThat(record.remoteVersion()).isEqualTo("2");
    }

    @Test
    void assetsAreReadOnly() {
        assertThat(assets.writableFields(WriteMode.UPDATE)).isEmpty();
        assertThatThrownBy(() -> assets.write(json("{\"model\": \"X\"}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class);
    }
}
