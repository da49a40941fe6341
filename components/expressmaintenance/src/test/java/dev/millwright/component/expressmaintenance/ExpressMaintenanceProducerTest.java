package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.CursorTracker;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.RecordVersion;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.simulators.expressmaintenance.ExecutedStatement;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/** The expressmaintenance producer against the simulator's H2 database, through JDBC, with the default profile. */
class ExpressMaintenanceProducerTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected ExpressMaintenanceSimulator cmms;

    /** The simulator every test gets fresh; the PostgreSQL subclass puts it in PostgreSQL. */
    protected ExpressMaintenanceSimulator.Builder simulator() {
        return ExpressMaintenanceSimulator.builder();
    }

    @Override
    protected void doPreSetup() {
        cmms = simulator().seed(7).workOrders(120).purchaseOrders(25).linesPerOrder(4).inventoryItems(40).vendors(15)
                .assets(30).historyDays(20).build().start();
    }

    @AfterEach
    void stopSimulator() {
        cmms.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        return context;
    }

    private static String uri(String collection, String options) {
        return "expressmaintenance:" + collection + "?dataSource=#cmms&retryDelay=10&maxRetryDelay=50"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri, Map<String, Object> headers) {
        Exchange reply = template.request(uri, exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers)));
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    private static Instant modified(ObjectNode record) {
        return OffsetDateTime.parse(record.get("last_modified").asText()).toInstant();
    }

    private Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }

    @ParameterizedTest
    @CsvSource({"work-orders,WORK_ORDERS", "purchase-orders,PURCHASE_ORDERS", "inventory-items,PARTS",
            "vendors,VENDORS", "assets,EQUIPMENT"})
    void readChangesYieldsEveryRowOfTheCollectionOnceAcrossPages(String collection, String table) {
        List<ObjectNode> records = readAll(uri(collection, "pageSize=7&initialHistory=all"), Map.of());

        assertThat(records).hasSize((int) cmms.count(table));
        Set<String> ids = new HashSet<>();
        ExpressMaintenanceRecordIdentity identity = identity(collection);
        records.forEach(record -> ids.add(identity.remoteId(record)));
        assertThat(ids).hasSize(records.size());
        assertThat(records.stream().map(ExpressMaintenanceProducerTest::modified).toList()).isSorted();
    }

    private ExpressMaintenanceRecordIdentity identity(String collection) {
        ExpressMaintenanceEndpoint endpoint = context.getEndpoint(uri(collection, ""), ExpressMaintenanceEndpoint.class);
        return (ExpressMaintenanceRecordIdentity) endpoint.client().identity();
    }

    @Test
    void aRawRecordCarriesTheProfilesSourceFieldsAndTypedValues() {
        Map<String, Object> row = cmms.row("WORK_ORDERS", 5L);

        ObjectNode record = readAll(uri("work-orders", "initialHistory=all&pageSize=500"), Map.of()).stream()
                .filter(r -> r.get("wo_id").asLong() == 5).findFirst().orElseThrow();

        assertThat(record.get("wo_number").asText()).isEqualTo(row.get("WO_NUMBER"));
        assertThat(record.get("priority").isNumber()).isTrue();
        assertThat(record.get("row_version").asLong()).isEqualTo(row.get("ROW_VERSION"));
        assertThat(modified(record)).isEqualTo(cmms.instantOf((LocalDateTime) row.get("LAST_MODIFIED")));
        assertThat(record.get("last_modified").asText()).endsWith("Z");
    }

    @Test
    void readChangesPagesByKeysetWithTheFetchSizeAndHoldsNoConnectionBetweenPages() {
        context.getEndpoint(uri("vendors", "pageSize=6&initialHistory=all"), ExpressMaintenanceEndpoint.class).client();
        cmms.clearStatementLog();

        List<ObjectNode> records = readAll(uri("vendors", "pageSize=6&initialHistory=all"), Map.of());

        List<ExecutedStatement> queries = cmms.statementLog().stream().filter(ExecutedStatement::isQuery)
                .filter(s -> s.sql().contains("FROM VENDORS")).toList();
        assertThat(queries).hasSize(records.size() / 6 + 1);
        assertThat(queries.get(0).sql()).contains("WHERE LAST_MODIFIED >= ?")
                .contains("ORDER BY LAST_MODIFIED, VENDOR_ID").contains("FETCH FIRST 6 ROWS ONLY");
        assertThat(queries.get(1).sql()).contains("LAST_MODIFIED > ? OR (LAST_MODIFIED = ? AND VENDOR_ID > ?)");
        assertThat(queries).allMatch(q -> q.fetchSize() == 6);
    }

    @Test
    void rowsSharingOneModifiedTimeAcrossPageBoundariesAreReadOnceEach() {
        LocalDateTime tie = cmms.now().minusHours(1).withNano(0);
        List<Map<String, Object>> rows = cmms.rows("PARTS");
        for (int i = 0; i < 25; i++) {
            Map<String, Object> row = rows.get(i);
            cmms.modify("PARTS", List.of(row.get("PART_NO"), row.get("STOREROOM")), Map.of("LAST_MODIFIED", tie));
        }

        List<ObjectNode> records = readAll(uri("inventory-items", "pageSize=4"),
                Map.of(SourceHeaders.MODIFIED_AFTER, cmms.instantOf(tie).toString()));

        List<String> keys = records.stream().map(r -> r.get("_key").asText()).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(records.stream().filter(r -> modified(r).equals(cmms.instantOf(tie)))).hasSize(25);
        assertThat(keys.get(0)).contains("|");
    }

    @Test
    void readChangesReturnsOnlyWhatChangedSinceModifiedAfter() {
        List<ObjectNode> all = readAll(uri("assets", "initialHistory=all"), Map.of());
        Instant middle = modified(all.get(all.size() / 2));

        List<ObjectNode> recent = readAll(uri("assets", "pageSize=5"), Map.of(SourceHeaders.MODIFIED_AFTER,
                middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(recent).allMatch(r -> !modified(r).isBefore(middle));
    }

    @Test
    void recordsCommittedAtTheBoundaryAreNotReadAgain() {
        List<ObjectNode> all = readAll(uri("vendors", "initialHistory=all"), Map.of());
        ObjectNode last = all.get(all.size() - 1);
        IncrementalCursor cursor = new IncrementalCursor(modified(last),
                Set.of(new RecordVersion(last.get("vendor_id").asText(), last.get("row_version").asText())));

        List<ObjectNode> again = readAll(uri("vendors", ""), Map.of(SourceHeaders.CURSOR, cursor));

        assertThat(again).noneMatch(r -> r.get("vendor_id").equals(last.get("vendor_id")));
    }

    @Test
    void aReadRestartedFromItsSavedCursorYieldsTheRestWithoutRepeats() {
        Exchange reply = template.request(uri("work-orders", "pageSize=10&initialHistory=all"), exchange -> { });
        List<ObjectNode> first = new ArrayList<>();
        IncrementalCursor saved;
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            CursorTracker tracker = stream.tracker();
            for (int i = 0; i < 45; i++) {
                first.add(stream.next());
                tracker.markCommitted(i);
            }
            saved = tracker.cursor();
        }

        List<ObjectNode> rest = readAll(uri("work-orders", "pageSize=10"), Map.of(SourceHeaders.CURSOR, saved));

        Set<Long> ids = new HashSet<>();
        first.forEach(r -> ids.add(r.get("wo_id").asLong()));
        rest.forEach(r -> assertThat(ids.add(r.get("wo_id").asLong())).as("read twice: %s", r.get("wo_id")).isTrue());
        assertThat(ids).hasSize(120);
    }

    @Test
    void getReturnsThePurchaseOrderWithItsLinesAndVersion() {
        Map<String, Object> order = cmms.row("PURCHASE_ORDERS", 3L);
        List<Map<String, Object>> lines = cmms.rowsWhere("PO_LINES", "PO_ID", 3L);

        Exchange reply = call(uri("purchase-orders", "operation=get"), null, Map.of(SourceHeaders.REMOTE_ID, "3"));

        ObjectNode record = reply.getMessage().getBody(ObjectNode.class);
        assertThat(record.get("po_number").asText()).isEqualTo(order.get("PO_NUMBER"));
        assertThat(record.get("vendor_name").asText()).isNotBlank();
        assertThat(record.get("lines")).hasSize(lines.size());
        assertThat(record.get("lines").get(0).get("line_no").asInt()).isEqualTo(1);
        BigDecimal total = BigDecimal.ZERO;
        for (var line : record.get("lines")) {
            total = total.add(line.get("line_total").decimalValue());
        }
        assertThat(record.get("total_amount").decimalValue()).isEqualByComparingTo(total);
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(order.get("ROW_VERSION").toString());
    }

    @Test
    void getOfAnUnknownRecordIsNotFound() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "999999"))
                .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("record '999999'");
    }

    @Test
    void createInsertsTheWorkOrderAndAnswersTheGeneratedKeyAndVersion() {
        ObjectNode workOrder = JSON.createObjectNode().put("wo_number", "WO-T-0001").put("title", "Replace seal")
                .put("status", "OPEN").put("priority", 2).put("site", "MAIN").put("equip_id", "PMP-00001")
                .put("sched_start", "2024-05-02T08:00:00Z");

        Exchange reply = call(uri("work-orders", "operation=create"), workOrder, Map.of());

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        Map<String, Object> row = cmms.row("WORK_ORDERS", Long.parseLong(id));
        assertThat(row.get("TITLE")).isEqualTo("Replace seal");
        assertThat(row.get("SCHED_START")).isEqualTo(LocalDateTime.parse("2024-05-02T08:00:00"));
        assertThat(row.get("ROW_VERSION")).isEqualTo(1L);
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo("1");
        assertThat(reply.getMessage().getBody(ObjectNode.class).get("wo_number").asText()).isEqualTo("WO-T-0001");
    }

    @Test
    void createWritesThePurchaseOrderAndItsLinesInOneTransaction() {
        ObjectNode order = JSON.createObjectNode().put("po_number", "PO-T-1").put("status", "DRAFT")
                .put("vendor_id", "V10001").put("site", "MAIN").put("currency", "USD").put("order_date", "2024-06-01");
        order.putArray("lines")
                .add(JSON.createObjectNode().put("part_no", "P-20001").put("description", "Ball bearing 6204-2RS")
                        .put("qty_ordered", 10).put("unit", "EA").put("unit_price", new BigDecimal("8.40")))
                .add(JSON.createObjectNode().put("description", "Grease cartridge EP2").put("qty_ordered", 24)
                        .put("unit", "EA").put("unit_price", new BigDecimal("6.25")));

        Exchange reply = call(uri("purchase-orders", "operation=create"), order, Map.of());

        ObjectNode created = reply.getMessage().getBody(ObjectNode.class);
        long id = Long.parseLong(reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class));
        assertThat(cmms.rowsWhere("PO_LINES", "PO_ID", id)).extracting(line -> line.get("LINE_NO")).containsExactly(1L, 2L);
        assertThat(created.get("total_amount").decimalValue()).isEqualByComparingTo("234.00");
        assertThat(created.get("lines")).hasSize(2);
    }

    @Test
    void aFailingLineRollsBackTheWholePurchaseOrder() {
        long before = cmms.count("PURCHASE_ORDERS");
        ObjectNode order = JSON.createObjectNode().put("po_number", "PO-T-2").put("status", "DRAFT")
                .put("vendor_id", "V10001").put("site", "MAIN");
        order.putArray("lines").add(JSON.createObjectNode().put("description", "Nothing").put("qty_ordered", 0)
                .put("unit_price", 1));

        assertThatThrownBy(() -> template.requestBody(uri("purchase-orders", "operation=create"), order))
                .cause().isInstanceOf(ValidationFailedException.class).hasMessageContaining("lines[].qty_ordered");
        assertThat(cmms.count("PURCHASE_ORDERS")).isEqualTo(before);
    }

    @Test
    void updateWithTheCurrentVersionChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        Map<String, Object> row = cmms.row("WORK_ORDERS", 8L);

        Exchange reply = call(uri("work-orders", "operation=update"), Map.of("status", "ON HOLD"),
                Map.of(SourceHeaders.REMOTE_ID, "8", SourceHeaders.REMOTE_VERSION, row.get("ROW_VERSION").toString()));

        assertThat(reply.getException()).isNull();
        Map<String, Object> after = cmms.row("WORK_ORDERS", 8L);
        assertThat(after.get("STATUS")).isEqualTo("ON HOLD");
        assertThat(after.get("TITLE")).isEqualTo(row.get("TITLE"));
        assertThat(after.get("SCHED_START")).isEqualTo(row.get("SCHED_START"));
        assertThat(after.get("ROW_VERSION")).isEqualTo((Long) row.get("ROW_VERSION") + 1);
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(after.get("ROW_VERSION").toString());
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        Map<String, Object> row = cmms.row("WORK_ORDERS", 9L);
        cmms.modify("WORK_ORDERS", 9L, Map.of("TITLE", "changed in the CMMS meanwhile"));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "operation=update"),
                Map.of("title", "late"), Map.of(SourceHeaders.REMOTE_ID, "9",
                        SourceHeaders.REMOTE_VERSION, row.get("ROW_VERSION").toString())))
                .cause().isInstanceOf(ConflictException.class).hasMessageContaining("record '9'");
        assertThat(cmms.row("WORK_ORDERS", 9L).get("TITLE")).isEqualTo("changed in the CMMS meanwhile");
    }

    @Test
    void aTableWithoutVersionColumnUsesTheModifiedTimeAsVersion() {
        Map<String, Object> row = cmms.rows("PARTS").get(0);
        String id = row.get("PART_NO") + "|" + row.get("STOREROOM");
        ObjectNode current = template.requestBodyAndHeader(uri("inventory-items", "operation=get"), null,
                SourceHeaders.REMOTE_ID, id, ObjectNode.class);

        Exchange reply = call(uri("inventory-items", "operation=update"), Map.of("bin", "Z-99-1"),
                Map.of(SourceHeaders.REMOTE_ID, id, SourceHeaders.REMOTE_VERSION, current.get("last_modified").asText()));

        assertThat(reply.getException()).isNull();
        assertThat(cmms.row("PARTS", List.of(row.get("PART_NO"), row.get("STOREROOM"))).get("BIN")).isEqualTo("Z-99-1");
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("inventory-items", "operation=update"),
                Map.of("bin", "A-01-1"), Map.of(SourceHeaders.REMOTE_ID, id,
                        SourceHeaders.REMOTE_VERSION, current.get("last_modified").asText())))
                .cause().isInstanceOf(ConflictException.class);
    }

    @Test
    void deleteOfAWorkOrderCancelsIt() {
        template.requestBodyAndHeader(uri("work-orders", "operation=delete"), null, SourceHeaders.REMOTE_ID, "11");

        assertThat(cmms.row("WORK_ORDERS", 11L).get("STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void deleteOfAVendorSetsItsDeletedFlag() {
        template.requestBodyAndHeader(uri("vendors", "operation=delete"), null, SourceHeaders.REMOTE_ID, "V10002");

        assertThat(cmms.row("VENDORS", "V10002").get("DELETED_FLAG")).isEqualTo("Y");
    }

    @Test
    void deleteOfAnInventoryItemRemovesTheRow() {
        Map<String, Object> created = cmms.insert("PARTS", Map.of("PART_NO", "P-TMP", "STOREROOM", "MAIN-STORES"));

        template.requestBodyAndHeader(uri("inventory-items", "operation=delete"), null, SourceHeaders.REMOTE_ID,
                "P-TMP|MAIN-STORES");

        assertThat(created).isNotNull();
        assertThat(cmms.row("PARTS", List.of("P-TMP", "MAIN-STORES"))).isNull();
    }

    @Test
    void aDuplicateNumberIsAValidationErrorNamingTheField() {
        String taken = (String) cmms.row("WORK_ORDERS", 1L).get("WO_NUMBER");
        ObjectNode workOrder = JSON.createObjectNode().put("wo_number", taken).put("title", "Duplicate")
                .put("status", "OPEN").put("site", "MAIN");

        assertThatThrownBy(() -> template.requestBody(uri("work-orders", "operation=create"), workOrder))
                .cause().isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .anySatisfy(error -> {
                            assertThat(error.field()).isEqualTo("wo_number");
                            assertThat(error.remoteCode()).isEqualTo("23505");
                        }));
    }

    @Test
    void aMissingRequiredValueIsAValidationErrorNamingTheField() {
        ObjectNode workOrder = JSON.createObjectNode().put("wo_number", "WO-T-3").put("status", "OPEN").put("site", "MAIN");

        assertThatThrownBy(() -> template.requestBody(uri("work-orders", "operation=create"), workOrder))
                .cause().isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(error -> error.field()).contains("title"));
    }

    @Test
    void anUnknownReferenceIsAValidationErrorNamingTheField() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=update"),
                Map.of("equip_id", "NO-SUCH-ASSET"), SourceHeaders.REMOTE_ID, "12"))
                .cause().isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(error -> error.field()).contains("equip_id"));
    }

    @Test
    void aValueBreakingACheckRuleIsAValidationErrorNamingTheField() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=update"),
                Map.of("priority", 9), SourceHeaders.REMOTE_ID, "12"))
                .cause().isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(error -> error.field()).contains("priority"));
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedBeforeReachingTheDatabase() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=update"),
                Map.of("title", "x".repeat(121)), SourceHeaders.REMOTE_ID, "12"))
                .cause().isInstanceOf(ValidationFailedException.class).hasMessageContaining("title")
                .hasMessageContaining("longer than 120");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=update"),
                Map.of("colour", "red"), SourceHeaders.REMOTE_ID, "12"))
                .cause().isInstanceOf(ValidationFailedException.class).hasMessageContaining("colour");
    }

    @Test
    void aRevokedUserIsAuthenticationRequiredNamingConnectionAndEntity() {
        context.getEndpoint(uri("work-orders", ""), ExpressMaintenanceEndpoint.class).client();
        cmms.revokeUser();

        assertThatThrownBy(() -> readAll(uri("work-orders", ""), Map.of()))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("entity 'work_order'")
                .hasMessageContaining("connection 'expressmaintenance@jdbc:").hasMessageContaining("28");
        cmms.restoreUser();
    }

    @Test
    void aLostConnectionDuringAReadIsRetried() {
        context.getEndpoint(uri("vendors", "initialHistory=all&pageSize=100"), ExpressMaintenanceEndpoint.class).client();
        cmms.faults().failNextStatements(2, "08006");

        assertThat(readAll(uri("vendors", "initialHistory=all&pageSize=100"), Map.of())).hasSize(15);
        assertThat(cmms.faults().pendingFailures()).isZero();
    }
}
