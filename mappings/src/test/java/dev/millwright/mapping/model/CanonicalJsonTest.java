package dev.millwright.mapping.model;

import static dev.millwright.mapping.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.CanonicalSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    private static final List<String> COMMON = List.of("id", "remote_id", "connection_id", "entity", "created_at",
            "modified_at", "remote_version", "deleted", "custom_fields", "remote_data");

    static Stream<CanonicalRecord> samples() {
        return Stream.of(CanonicalSamples.purchaseOrder(), CanonicalSamples.workOrder(),
                CanonicalSamples.inventoryItem(), CanonicalSamples.vendor(),
                CanonicalSamples.asset().withRemoteData(json("{'assetnum': '11430', 'status': 'OPERATING'}")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordTypeSurvivesAJsonRoundTrip(CanonicalRecord record) {
        String text = CanonicalJson.toJsonString(record);

        CanonicalRecord back = CanonicalJson.read(Entity.of(record), text);

        assertThat(back).isEqualTo(record);
    }

    @Test
    void purchaseOrderJsonHasProductNamesInOrder() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.purchaseOrder());

        assertThat(names(json)).containsExactlyElementsOf(with(COMMON, "number", "status", "order_date",
                "vendor_remote_id", "vendor_name", "currency", "total_amount", "company", "buyer", "lines"));
        assertThat(names(json.get("lines").get(0))).containsExactly("line_number", "item_number", "description",
                "quantity", "unit", "unit_price", "amount", "need_by_date", "received_quantity");
    }

    @Test
    void workOrderJsonHasProductNamesInOrder() {
        assertThat(names(CanonicalJson.toJson(CanonicalSamples.workOrder()))).containsExactlyElementsOf(with(COMMON,
                "number", "title", "description", "status", "priority", "type", "asset_remote_id", "location",
                "site", "assigned_to", "scheduled_start", "scheduled_end", "actual_start", "actual_end", "due_date",
                "completed_at"));
    }

    @Test
    void inventoryItemJsonHasProductNamesInOrder() {
        assertThat(names(CanonicalJson.toJson(CanonicalSamples.inventoryItem()))).containsExactlyElementsOf(
                with(COMMON, "item_number", "description", "site", "location", "bin", "quantity_on_hand",
                        "quantity_available", "unit", "unit_cost", "reorder_point"));
    }

    @Test
    void vendorJsonHasProductNamesInOrder() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.vendor());

        assertThat(names(json)).containsExactlyElementsOf(with(COMMON, "number", "name", "status", "tax_id",
                "currency", "email", "phone", "address"));
        assertThat(names(json.get("address"))).containsExactly("line1", "line2", "city", "region", "postal_code",
                "country");
    }

    @Test
    void assetJsonHasProductNamesInOrder() {
        assertThat(names(CanonicalJson.toJson(CanonicalSamples.asset()))).containsExactlyElementsOf(with(COMMON,
                "number", "name", "description", "status", "location", "site", "parent_remote_id", "serial_number",
                "manufacturer", "model", "install_date", "criticality"));
    }

    @Test
    void instantsAreIsoUtcTextAndDatesArePlainDates() {
        ObjectNode order = CanonicalJson.toJson(CanonicalSamples.purchaseOrder());

        assertThat(order.get("modified_at").textValue()).isEqualTo("2024-01-15T15:30:00Z");
        assertThat(order.get("order_date").textValue()).isEqualTo("2024-01-10");
    }

    @Test
    void decimalsAreJsonNumbersKeepingTheirDigits() {
        ObjectNode order = CanonicalJson.toJson(CanonicalSamples.purchaseOrder());

        assertThat(order.get("total_amount").isNumber()).isTrue();
        assertThat(CanonicalJson.toJsonString(CanonicalSamples.purchaseOrder())).contains("\"total_amount\":1277.50");
    }

    @Test
    void statusesAreLowerSnakeCase() {
        assertThat(CanonicalJson.toJson(CanonicalSamples.workOrder()).get("status").textValue())
                .isEqualTo("in_progress");
    }

    @Test
    void nullFieldsAreWrittenAsNull() {
        ObjectNode workOrder = CanonicalJson.toJson(CanonicalSamples.workOrder());

        assertThat(workOrder.has("actual_end")).isTrue();
        assertThat(workOrder.get("actual_end").isNull()).isTrue();
        assertThat(workOrder.get("remote_data").isNull()).isTrue();
    }

    @Test
    void unknownFieldIsRejectedNamingIt() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.workOrder());
        json.put("colour", "red");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.WORK_ORDER, json))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.field()).isEqualTo("colour");
                    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.UNKNOWN_FIELD);
                })
                .hasMessageContaining("'colour'");
    }

    @Test
    void unknownFieldOfALineIsRejectedNamingItsPath() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.purchaseOrder());
        ((ObjectNode) json.get("lines").get(1)).put("colour", "red");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.PURCHASE_ORDER, json))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].colour"));
    }

    @Test
    void wrongTypeIsRejectedNamingTheField() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.purchaseOrder());
        ((ObjectNode) json.get("lines").get(0)).put("quantity", "four");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.PURCHASE_ORDER, json))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[0].quantity");
                    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.INVALID_VALUE);
                });
    }

    @Test
    void unknownStatusValueIsRejectedNamingTheField() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.workOrder());
        json.put("status", "INPRG");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.WORK_ORDER, json))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void malformedDateTimeIsRejectedNamingTheField() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.workOrder());
        json.put("due_date", "tomorrow");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.WORK_ORDER, json))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.field()).isEqualTo("due_date"));
    }

    @Test
    void entityOfAnotherTypeIsRejected() {
        ObjectNode json = CanonicalJson.toJson(CanonicalSamples.workOrder());
        json.put("entity", "asset");

        assertThatThrownBy(() -> CanonicalJson.read(Entity.WORK_ORDER, json))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("work_order");
    }

    @Test
    void missingCommonFieldsReadAsDefaults() {
        CanonicalRecord record = CanonicalJson.read(Entity.VENDOR, json("{'number': 'V1', 'status': 'blocked'}"));

        assertThat(record.entity()).isEqualTo("vendor");
        assertThat(record.deleted()).isFalse();
        assertThat(record.customFields()).isEmpty();
        assertThat(record.remoteData()).isNull();
        assertThat(((Vendor) record).status()).isEqualTo(VendorStatus.BLOCKED);
    }

    @Test
    void withDeletedAndWithRemoteDataChangeOnlyThoseFields() {
        WorkOrder original = CanonicalSamples.workOrder();
        JsonNode raw = json("{'wonum': '1000'}");

        CanonicalRecord changed = original.withDeleted(true).withRemoteData(raw);

        assertThat(changed.deleted()).isTrue();
        assertThat(changed.remoteData()).isEqualTo(raw);
        assertThat(changed.withDeleted(false).withRemoteData(null)).isEqualTo(original);
    }

    private static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> with(List<String> common, String... own) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(own));
        return all;
    }
}
