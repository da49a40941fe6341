package dev.millwright.mapping;

import static dev.millwright.mapping.MaximoMappings.PURCHASE_ORDERS;
import static dev.millwright.mapping.MaximoMappings.WORK_ORDERS;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.engine.MappingCompiler;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the read direction, shown on Maximo records. */
class MappingReadTest {

    private static final MappingContext CONTEXT = MappingContext.of("conn-1");

    @Test
    void statusCodeMissingFromTheEnumTableLeavesStatusNullWithAWarning() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("status_maxvalue", "WAITPARTS");

        MappingResult<WorkOrder> result = WORK_ORDERS.read(raw, CONTEXT.withKeepRaw(true));

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("status");
            assertThat(warning.sourcePath()).isEqualTo("status_maxvalue");
            assertThat(warning.rawValue()).isEqualTo(TextNode.valueOf("WAITPARTS"));
            assertThat(warning.message()).contains("'WAITPARTS' is not in enum table work_order_status");
        });
        assertThat(result.record().remoteData().get("status_maxvalue").textValue()).isEqualTo("WAITPARTS");
    }

    @Test
    void recordWithEveryValueMappedHasNoWarnings() {
        assertThat(WORK_ORDERS.read(resource("maximo/work-order.json"), CONTEXT).hasWarnings()).isFalse();
    }

    @Test
    void firstNonNullPathWins() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.remove("status_maxvalue");
        raw.put("status", "WSCH");

        assertThat(WORK_ORDERS.read(raw, CONTEXT).record().status()).isEqualTo(WorkOrderStatus.SCHEDULED);
    }

    @Test
    void unparseableDateFailsNamingFieldPathRawValueAndRemoteId() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("schedstart", "next Tuesday");

        assertThatThrownBy(() -> WORK_ORDERS.read(raw, CONTEXT))
                .isInstanceOfSatisfying(RecordMappingException.class, e -> {
                    assertThat(e.system()).isEqualTo("maximo");
                    assertThat(e.entity()).isEqualTo("work_order");
                    assertThat(e.remoteId()).isEqualTo("_QkVERk9SRC8xMDAw");
                    assertThat(e.field()).isEqualTo("scheduled_start");
                    assertThat(e.sourcePath()).isEqualTo("schedstart");
                    assertThat(e.rawValue()).isEqualTo(TextNode.valueOf("next Tuesday"));
                })
                .hasMessageContaining("work_order '_QkVERk9SRC8xMDAw'")
                .hasMessageContaining("'scheduled_start'")
                .hasMessageContaining("'schedstart'")
                .hasMessageContaining("\"next Tuesday\"")
                .hasMessageContaining("not an ISO-8601 date-time");
    }

    @Test
    void nonNumericQuantityOfALineFailsNamingTheLine() {
        ObjectNode raw = resource("maximo/purchase-order.json");
        ((ObjectNode) raw.get("poline").get(1)).put("orderqty", "ten");

        assertThatThrownBy(() -> PURCHASE_ORDERS.read(raw, CONTEXT))
                .isInstanceOfSatisfying(RecordMappingException.class, e -> {
                    assertThat(e.remoteId()).isEqualTo("_MTAyMS9CRURGT1JEL0VBR0xFTkEvMA--");
                    assertThat(e.field()).isEqualTo("lines[1].quantity");
                    assertThat(e.sourcePath()).isEqualTo("poline[1].orderqty");
                    assertThat(e.rawValue()).isEqualTo(TextNode.valueOf("ten"));
                });
    }

    @Test
    void missingRemoteIdFails() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.remove("href");

        assertThatThrownBy(() -> WORK_ORDERS.read(raw, CONTEXT))
                .isInstanceOfSatisfying(RecordMappingException.class, e -> {
                    assertThat(e.remoteId()).isNull();
                    assertThat(e.field()).isEqualTo("remote_id");
                    assertThat(e.sourcePath()).isEqualTo("href");
                })
                .hasMessageContaining("has no remote_id");
    }

    @Test
    void missingModifiedAtFailsNamingTheRemoteId() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.putNull("changedate");

        assertThatThrownBy(() -> WORK_ORDERS.read(raw, CONTEXT))
                .isInstanceOfSatisfying(RecordMappingException.class, e -> {
                    assertThat(e.remoteId()).isEqualTo("_QkVERk9SRC8xMDAw");
                    assertThat(e.field()).isEqualTo("modified_at");
                });
    }

    @Test
    void sourceRecordThatIsNoObjectFails() {
        assertThatThrownBy(() -> WORK_ORDERS.read(json("[1, 2]"), CONTEXT))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void idIsTheStableIdOfConnectionEntityAndRemoteId() {
        WorkOrder workOrder = WORK_ORDERS.read(resource("maximo/work-order.json"), CONTEXT).record();

        assertThat(workOrder.id()).isEqualTo(CanonicalIds.stableId("conn-1", "work_order", "_QkVERk9SRC8xMDAw"));
        assertThat(workOrder.connectionId()).isEqualTo("conn-1");
        assertThat(workOrder.entity()).isEqualTo("work_order");
    }

    @Test
    void sameRecordReadAgainGetsTheSameId() {
        String first = WORK_ORDERS.read(resource("maximo/work-order.json"), CONTEXT).record().id();
        ObjectNode changed = resource("maximo/work-order.json");
        changed.put("description", "Replace pump seal and bearings").put("_rowstamp", "1827999");

        assertThat(WORK_ORDERS.read(changed, CONTEXT).record().id()).isEqualTo(first);
    }

    @Test
    void rawRecordIsKeptOnlyWhenAskedFor() {
        ObjectNode raw = resource("maximo/work-order.json");

        assertThat(WORK_ORDERS.read(raw, CONTEXT).record().remoteData()).isNull();
        assertThat(WORK_ORDERS.read(raw, CONTEXT.withKeepRaw(true)).record().remoteData()).isSameAs(raw);
    }

    @Test
    void customFieldsAreReadFromTheirPathsAsPlainJavaValues() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("crewid", "MECH-2").put("estdur", 2.5).set("failurereport",
                json("[{'failurecode': 'PUMPS', 'type': 'PROBLEM'}]"));
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("cf_crew", "crewid");
        declared.put("cf_estimated_hours", "estdur");
        declared.put("cf_failure", "failurereport[0].failurecode");
        declared.put("cf_is_task", "istask");
        declared.put("cf_work_order_id", "workorderid");
        declared.put("cf_failures", "failurereport");
        declared.put("cf_missing", "jpnum");

        WorkOrder workOrder = WORK_ORDERS.read(raw, CONTEXT.withCustomFields(declared)).record();

        assertThat(workOrder.customFields()).containsOnlyKeys(declared.keySet())
                .containsEntry("cf_crew", "MECH-2")
                .containsEntry("cf_estimated_hours", new BigDecimal("2.5"))
                .containsEntry("cf_failure", "PUMPS")
                .containsEntry("cf_is_task", false)
                .containsEntry("cf_work_order_id", 1234)
                .containsEntry("cf_failures", List.of(Map.of("failurecode", "PUMPS", "type", "PROBLEM")))
                .containsEntry("cf_missing", null);
        assertThat(workOrder.customFields().keySet()).containsExactlyElementsOf(declared.keySet());
    }

    @Test
    void customFieldWithMalformedPathIsRejectedNamingIt() {
        assertThatThrownBy(() -> CONTEXT.withCustomFields(Map.of("cf_crew", "crew..id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cf_crew");
    }

    @Test
    void deletedIsTrueWhenTheSourceValueIsAListedCode() {
        Mapping<?> mapping = new MappingCompiler().compile("test.yaml", """
                entity: work_order
                identity:
                  remote_id: wonum
                  modified_at: changedate
                  deleted: { path: status, in: [DELETED, PURGED] }
                fields:
                  number: wonum
                """, "test", Entity.WORK_ORDER);
        ObjectNode raw = (ObjectNode) json("{'wonum': '1', 'changedate': '2024-01-15T10:30:00Z', 'status': 'DELETED'}");

        assertThat(mapping.read(raw, CONTEXT).record().deleted()).isTrue();
        assertThat(mapping.read(raw.put("status", "APPR"), CONTEXT).record().deleted()).isFalse();
        assertThat(mapping.read(raw.putNull("status"), CONTEXT).record().deleted()).isFalse();
    }

    @Test
    void deletedFollowsASoftDeleteFlag() {
        Mapping<?> mapping = new MappingCompiler().compile("test.yaml", """
                entity: asset
                identity:
                  remote_id: id
                  modified_at: lastModifiedDateTime
                  deleted: isDeleted
                fields:
                  number: number
                """, "test", Entity.ASSET);

        assertThat(mapping.read(json("{'id': 'A1', 'lastModifiedDateTime': '2024-01-15T10:30:00Z', 'isDeleted': 'Y'}"),
                CONTEXT).record().deleted()).isTrue();
    }

    @Test
    void defaultIsUsedWhenTheSourceHasNoValue() {
        Mapping<?> mapping = new MappingCompiler().compile("test.yaml", """
                entity: inventory_item
                identity:
                  remote_id: id
                  modified_at: changed
                fields:
                  unit: { path: uom, default: EACH }
                  quantity_on_hand: { path: qty, default: "0" }
                """, "test", Entity.INVENTORY_ITEM);

        var item = (dev.millwright.mapping.model.InventoryItem) mapping.read(
                json("{'id': 'I1', 'changed': '2024-01-15T10:30:00Z'}"), CONTEXT).record();

        assertThat(item.unit()).isEqualTo("EACH");
        assertThat(item.quantityOnHand()).isEqualByComparingTo("0");
    }

    @Test
    void numbersBecomeTextInTextFields() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("location", 430).put("wopriority", 1);

        WorkOrder workOrder = WORK_ORDERS.read(raw, CONTEXT).record();

        assertThat(workOrder.location()).isEqualTo("430");
        assertThat(workOrder.priority()).isEqualTo("1");
    }

    @Test
    void listFieldThatIsNoArrayFails() {
        ObjectNode raw = resource("maximo/purchase-order.json");
        raw.put("poline", "none");

        assertThatThrownBy(() -> PURCHASE_ORDERS.read(raw, CONTEXT))
                .isInstanceOfSatisfying(RecordMappingException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines");
                    assertThat(e.sourcePath()).isEqualTo("poline");
                })
                .hasMessageContaining("expected an array");
    }

    @Test
    void emptySourceListIsAnEmptyListAndAMissingOneIsNull() {
        ObjectNode raw = resource("maximo/purchase-order.json");
        raw.set("poline", new ArrayNode(null));

        assertThat(PURCHASE_ORDERS.read(raw, CONTEXT).record().lines()).isEmpty();
        raw.remove("poline");
        assertThat(PURCHASE_ORDERS.read(raw, CONTEXT).record().lines()).isNull();
    }
}
