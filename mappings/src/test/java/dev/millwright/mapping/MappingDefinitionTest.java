package dev.millwright.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millwright.mapping.engine.MappingCompiler;
import dev.millwright.mapping.model.Entity;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every mistake in a mapping file fails its loading, naming file, line and field. */
class MappingDefinitionTest {

    private static final String SOURCE = "mappings/test/work-orders.yaml";

    private static Mapping<?> compile(String yaml) {
        return new MappingCompiler().compile(SOURCE, yaml, "test", Entity.WORK_ORDER);
    }

    private static void assertDefinitionError(ThrowingCallable compile, int line, String field, String problem) {
        assertThatThrownBy(compile)
                .isInstanceOfSatisfying(MappingDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(SOURCE);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                })
                .hasMessageStartingWith(SOURCE + ":" + line + ": ");
    }

    private static String workOrders(String fields) {
        return """
                entity: work_order
                identity:
                  remote_id: { path: href, convert: last_path_segment }
                  modified_at: changedate
                fields:
                """ + fields;
    }

    @Test
    void aValidFileCompiles() {
        Mapping<?> mapping = compile(workOrders("  number: wonum\n"));

        assertThat(mapping.entity()).isEqualTo(Entity.WORK_ORDER);
        assertThat(mapping.source()).isEqualTo(SOURCE);
    }

    @Test
    void unknownCanonicalFieldIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wonum\n  colour: paint\n")),
                7, "fields.colour", "'colour' is not a canonical field of WorkOrder");
    }

    @Test
    void unknownCanonicalFieldOfANestedRecordIsRejected() {
        assertDefinitionError(() -> new MappingCompiler().compile(SOURCE, """
                entity: vendor
                identity:
                  remote_id: company
                  modified_at: changedate
                fields:
                  address:
                    fields:
                      street: address1
                """, "test", Entity.VENDOR), 8, "fields.address.street", "its fields: line1, line2, city");
    }

    @Test
    void enumTableValueOutsideTheCanonicalEnumIsRejected() {
        assertDefinitionError(() -> compile(workOrders("""
                  status: { path: status, enum: wo_status }
                enums:
                  wo_status:
                    APPR: approved
                    INPRG: in-progress
                """)), 10, "enums.wo_status.INPRG", "'in-progress' is not a value of WorkOrderStatus; valid values: "
                + "requested, pending_approval");
    }

    @Test
    void writeOverrideOfAnUnknownCanonicalValueIsRejected() {
        assertDefinitionError(() -> compile(workOrders("""
                  status: { path: status, enum: wo_status }
                enums:
                  wo_status:
                    APPR: approved
                    write:
                      aproved: APPR
                """)), 11, "enums.wo_status.write.aproved", "'aproved' is not a value of WorkOrderStatus");
    }

    @Test
    void statusFieldWithoutEnumTableIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  status: status\n")),
                6, "fields.status", "it needs an enum table");
    }

    @Test
    void enumTableThatIsNotDefinedIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  status: { path: status, enum: wo_status }\n")),
                6, "fields.status", "enum table 'wo_status' is not defined");
    }

    @Test
    void enumTableThatNoFieldUsesIsRejected() {
        assertDefinitionError(() -> compile(workOrders("""
                  number: wonum
                enums:
                  wo_status:
                    APPR: approved
                """)), 8, "enums.wo_status", "not used by any field");
    }

    @Test
    void enumOnAFieldThatIsNoStatusIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: { path: wonum, enum: wo_status }\n")),
                6, "fields.number", "enum: applies to status fields only");
    }

    @Test
    void unknownConverterIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wonum\n"
                + "  due_date: { path: targcompdate, convert: datetme }\n")),
                7, "fields.due_date", "unknown converter 'datetme'; known converters: string, integer");
    }

    @Test
    void unknownConverterArgumentIsRejected() {
        assertDefinitionError(() -> compile(workOrders("""
                  due_date:
                    path: targcompdate
                    convert: datetime_pattern
                    patern: dd.MM.yyyy
                """)), 9, "fields.due_date", "'patern' is neither a field key");
    }

    @Test
    void invalidConverterArgumentIsRejected() {
        assertDefinitionError(() -> compile(workOrders(
                "  due_date: { path: targcompdate, convert: datetime, zone: Mars/Base }\n")),
                6, "fields.due_date", "zone 'Mars/Base' is not a time zone id");
    }

    @Test
    void converterWhoseValuesCannotBecomeTheFieldTypeIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  due_date: { path: targcompdate, convert: boolean }\n")),
                6, "fields.due_date", "the converter reads Boolean values, which cannot become due_date (Instant)");
    }

    @Test
    void malformedPathIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wo..num\n")),
                6, "fields.number", "malformed path 'wo..num'");
    }

    @Test
    void malformedPathInAListOfPathsIsRejectedAtItsLine() {
        assertDefinitionError(() -> compile(workOrders("""
                  title:
                    path:
                      - description
                      - "companies[x]"
                """)), 9, "fields.title", "malformed path 'companies[x]'");
    }

    @Test
    void identityFieldUnderFieldsIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  modified_at: statusdate\n")),
                6, "fields.modified_at", "define it under identity:");
    }

    @Test
    void engineFilledFieldIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  connection_id: siteid\n")),
                6, "fields.connection_id", "filled in by the engine");
    }

    @Test
    void missingModifiedAtIsRejected() {
        assertDefinitionError(() -> compile("""
                entity: work_order
                identity:
                  remote_id: href
                fields:
                  number: wonum
                """), 3, "identity", "missing required key 'modified_at'");
    }

    @Test
    void unknownIdentityFieldIsRejected() {
        assertDefinitionError(() -> compile("""
                entity: work_order
                identity:
                  remote_id: href
                  modified_at: changedate
                  etag: _rowstamp
                fields:
                  number: wonum
                """), 5, "identity.etag", "unknown identity field 'etag'");
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wonum\nenum:\n  a: b\n")),
                7, "enum", "unknown top-level key 'enum'");
    }

    @Test
    void entityOtherThanTheFileNameSaysIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wonum\n").replace("work_order", "asset")),
                1, "entity", "entity must be work_order, not asset");
    }

    @Test
    void twoWritableFieldsWritingOneSourcePathAreRejected() {
        assertDefinitionError(() -> compile(workOrders("  actual_end: actfinish\n  completed_at: actfinish\n")),
                7, "fields.completed_at", "writes source path 'actfinish' like fields.actual_end does");
    }

    @Test
    void readOnlyConverterOnAWritableFieldIsRejected() {
        assertDefinitionError(() -> compile(workOrders(
                "  number: { path: href, convert: last_path_segment, write: true }\n")),
                6, "fields.number", "needs write: false");
    }

    @Test
    void unknownWriteValueIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: { path: wonum, write: sometimes }\n")),
                6, "fields.number", "write must be true, false or create");
    }

    @Test
    void defaultThatIsNoValueOfTheFieldTypeIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  due_date: { path: targcompdate, default: soon }\n")),
                6, "fields.due_date", "default 'soon' is not a valid Instant");
    }

    @Test
    void listWithoutSourcePathIsRejected() {
        assertDefinitionError(() -> new MappingCompiler().compile(SOURCE, """
                entity: purchase_order
                identity:
                  remote_id: ponum
                  modified_at: changedate
                fields:
                  lines:
                    fields:
                      line_number: polinenum
                """, "test", Entity.PURCHASE_ORDER), 6, "fields.lines", "it needs the path of the source array");
    }

    @Test
    void duplicateKeyIsRejected() {
        assertDefinitionError(() -> compile(workOrders("  number: wonum\n  number: wonum2\n")),
                7, "fields.number", "duplicate key (first on line 6)");
    }

    @Test
    void malformedYamlIsRejectedWithItsLine() {
        assertThatThrownBy(() -> compile(workOrders("  number: [wonum\n  title: description\n")))
                .isInstanceOfSatisfying(MappingDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(SOURCE);
                    assertThat(e.line()).isPositive();
                    assertThat(e.problem()).startsWith("malformed YAML");
                });
    }
}
