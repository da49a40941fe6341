package dev.millwright.mapping;

import static dev.millwright.mapping.MaximoMappings.PURCHASE_ORDERS;
import static dev.millwright.mapping.MaximoMappings.VENDORS;
import static dev.millwright.mapping.MaximoMappings.WORK_ORDERS;
import static dev.millwright.mapping.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.engine.MappingCompiler;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;
import dev.millwright.mapping.model.WorkOrder;
import org.junit.jupiter.api.Test;

/** The rules of the write direction, shown on Maximo mappings. */
class MappingWriteTest {

    @Test
    void createWritesEveryWritableFieldThatIsNotNull() {
        ObjectNode source = WORK_ORDERS.write(CanonicalSamples.workOrder(), WriteMode.CREATE);

        assertThat(source).isEqualTo(json("""
                {'wonum': '1000', 'description': 'Replace pump seal',
                 'description_longdescription': 'Seal leaking at the drive end.', 'status': 'INPRG',
                 'wopriority': 2, 'worktype': 'CM', 'assetnum': '11430', 'location': 'BR430', 'siteid': 'BEDFORD',
                 'lead': 'JSMITH', 'schedstart': '2024-01-15T13:00:00Z', 'schedfinish': '2024-01-15T21:00:00Z',
                 'actstart': '2024-01-15T13:30:00Z', 'targcompdate': '2024-01-17T22:00:00Z'}"""));
    }

    @Test
    void writesLeaveOutIdentityAndReadOnlyFields() {
        WorkOrder workOrder = CanonicalSamples.workOrder();

        ObjectNode source = WORK_ORDERS.write(workOrder, WriteMode.CREATE);

        assertThat(source.has("href")).isFalse();
        assertThat(source.has("_rowstamp")).isFalse();
        assertThat(source.has("changedate")).isFalse();
        assertThat(source.has("reportdate")).isFalse();
    }

    @Test
    void updateOfARecordLeavesOutCreateOnlyFields() {
        ObjectNode source = WORK_ORDERS.write(CanonicalSamples.workOrder(), WriteMode.UPDATE);

        assertThat(source.has("wonum")).isFalse();
        assertThat(source.has("siteid")).isFalse();
        assertThat(source.get("description").textValue()).isEqualTo("Replace pump seal");
    }

    @Test
    void updatePatchWritesOnlyTheFieldsItNames() {
        ObjectNode source = WORK_ORDERS.write(json("{'title': 'Replace seal', 'status': 'on_hold', 'priority': '1'}"),
                WriteMode.UPDATE);

        assertThat(source).isEqualTo(json("{'description': 'Replace seal', 'status': 'WMATL', 'wopriority': 1}"));
    }

    @Test
    void updatePatchWithNullClearsTheSourceField() {
        ObjectNode source = WORK_ORDERS.write(json("{'assigned_to': null}"), WriteMode.UPDATE);

        assertThat(source.has("lead")).isTrue();
        assertThat(source.get("lead").isNull()).isTrue();
    }

    @Test
    void updatePatchIgnoresTheIdentifyingFields() {
        ObjectNode patch = (ObjectNode) json("{'id': 'x', 'remote_id': '_QkVE', 'entity': 'work_order', "
                + "'modified_at': '2024-01-15T15:30:00Z', 'remote_version': '1', 'title': 'Replace seal'}");

        assertThat(WORK_ORDERS.write(patch, WriteMode.UPDATE)).isEqualTo(json("{'description': 'Replace seal'}"));
    }

    @Test
    void updatePatchNamingFieldsThatCannotBeUpdatedFailsNamingThem() {
        assertThatThrownBy(() -> WORK_ORDERS.write(json("{'title': 'x', 'site': 'NORTH', 'completed_at': "
                + "'2024-01-15T15:30:00Z'}"), WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE);
                    assertThat(e.fields()).containsExactly("site", "completed_at");
                })
                .hasMessageContaining("[site, completed_at] cannot be updated in maximo");
    }

    @Test
    void updatePatchNamingAFieldTheSystemDoesNotMapFails() {
        assertThatThrownBy(() -> PURCHASE_ORDERS.write(json("{'vendor_name': 'Grainger'}"), WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE);
                    assertThat(e.fields()).containsExactly("vendor_name");
                });
    }

    @Test
    void updatePatchNamingUnknownFieldsFailsNamingAllOfThem() {
        assertThatThrownBy(() -> VENDORS.write(json("{'name': 'x', 'colour': 'red', 'address': {'street': 'Main'}}"),
                WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.UNKNOWN_FIELD);
                    assertThat(e.fields()).containsExactly("colour", "address.street");
                });
    }

    @Test
    void updatePatchWithAnInvalidValueFailsNamingTheField() {
        assertThatThrownBy(() -> WORK_ORDERS.write(json("{'status': 'INPRG'}"), WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.INVALID_VALUE);
                    assertThat(e.fields()).containsExactly("status");
                });
    }

    @Test
    void updatePatchOfANestedObjectWritesOnlyItsNamedFields() {
        ObjectNode source = VENDORS.write(json("{'address': {'city': 'Chicago', 'postal_code': '60601'}}"),
                WriteMode.UPDATE);

        assertThat(source).isEqualTo(json("{'city': 'Chicago', 'zip': '60601'}"));
    }

    @Test
    void updatePatchOfListsReplacesThemWithTheirWritableFields() {
        ObjectNode source = PURCHASE_ORDERS.write(json("""
                {'lines': [{'line_number': 1, 'quantity': 6, 'amount': 1474.50, 'need_by_date': '2024-02-01'}]}"""),
                WriteMode.UPDATE);

        assertThat(source).hasToString(json("""
                {'poline': [{'polinenum': 1, 'orderqty': 6, 'reqdeliverydate': '2024-02-01T00:00:00'}]}""").toString());
    }

    @Test
    void updatePatchWithAnUnknownFieldInALineFailsNamingIt() {
        assertThatThrownBy(() -> PURCHASE_ORDERS.write(json("{'lines': [{'line_number': 1, 'colour': 'red'}]}"),
                WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.UNKNOWN_FIELD);
                    assertThat(e.fields()).containsExactly("lines[0].colour");
                });
    }

    @Test
    void canonicalValueWithoutSourceCodeFails() {
        Vendor blocked = new Vendor(null, null, null, null, null, null, null, false, null, null, "V9", "Blocked Inc.",
                VendorStatus.BLOCKED, null, null, null, null, null);

        assertThatThrownBy(() -> VENDORS.write(blocked, WriteMode.CREATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.INVALID_VALUE);
                    assertThat(e.fields()).containsExactly("status");
                })
                .hasMessageContaining("'blocked' has no source code in enum table vendor_status");
    }

    @Test
    void enumWritesUseTheFirstCodeOfAValueUnlessOverridden() {
        Mapping<?> mapping = new MappingCompiler().compile("test.yaml", """
                entity: work_order
                identity:
                  remote_id: wonum
                  modified_at: changedate
                fields:
                  status: { path: status, enum: wo_status }
                enums:
                  wo_status:
                    WMATL: on_hold
                    WPCOND: on_hold
                    CAN: cancelled
                    CANCEL: cancelled
                    write:
                      cancelled: CANCEL
                """, "test", Entity.WORK_ORDER);

        assertThat(mapping.write(json("{'status': 'on_hold'}"), WriteMode.UPDATE).get("status").textValue())
                .isEqualTo("WMATL");
        assertThat(mapping.write(json("{'status': 'cancelled'}"), WriteMode.UPDATE).get("status").textValue())
                .isEqualTo("CANCEL");
    }

    @Test
    void createFromCanonicalJsonWritesTheSameAsFromTheRecord() {
        ObjectNode canonical = CanonicalJson.toJson(CanonicalSamples.workOrder());

        assertThat(WORK_ORDERS.write(canonical, WriteMode.CREATE))
                .isEqualTo(WORK_ORDERS.write(CanonicalSamples.workOrder(), WriteMode.CREATE));
    }

    @Test
    void createFromCanonicalJsonWithoutCommonFieldsWorks() {
        ObjectNode source = WORK_ORDERS.write(json("{'number': '1001', 'title': 'Inspect', "
                + "'status': 'pending_approval', 'site': 'BEDFORD'}"), WriteMode.CREATE);

        assertThat(source).isEqualTo(json("{'wonum': '1001', 'description': 'Inspect', 'status': 'WAPPR', "
                + "'siteid': 'BEDFORD'}"));
    }

    @Test
    void createFromCanonicalJsonWithAnUnknownFieldFailsNamingIt() {
        assertThatThrownBy(() -> WORK_ORDERS.write(json("{'number': '1001', 'colour': 'red'}"), WriteMode.CREATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.UNKNOWN_FIELD);
                    assertThat(e.fields()).containsExactly("colour");
                });
    }

    @Test
    void writingARecordOfAnotherEntityIsRejected() {
        assertThatThrownBy(() -> WORK_ORDERS.write(CanonicalSamples.vendor(), WriteMode.CREATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WorkOrder");
    }

    @Test
    void writableFieldsDifferByMode() {
        assertThat(WORK_ORDERS.writableFields(WriteMode.CREATE)).contains("number", "site", "title", "status")
                .doesNotContain("completed_at");
        assertThat(WORK_ORDERS.writableFields(WriteMode.UPDATE)).contains("title", "status")
                .doesNotContain("number", "site", "completed_at");
    }

    @Test
    void priorityThatIsNoNumberCannotBeWrittenToMaximo() {
        assertThatThrownBy(() -> WORK_ORDERS.write(json("{'priority': 'high'}"), WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.INVALID_VALUE);
                    assertThat(e.fields()).containsExactly("priority");
                });
    }
}
