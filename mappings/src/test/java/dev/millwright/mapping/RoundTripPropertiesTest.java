package dev.millwright.mapping;

import static dev.millwright.mapping.MaximoMappings.PURCHASE_ORDERS;
import static dev.millwright.mapping.MaximoMappings.VENDORS;
import static dev.millwright.mapping.MaximoMappings.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.model.Address;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderLine;
import dev.millwright.mapping.model.PurchaseOrderStatus;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A canonical record written for a create and read back is the same record. */
class RoundTripPropertiesTest {

    private static final MappingContext CONTEXT = MappingContext.of("conn-rt");
    private static final Instant MODIFIED = Instant.parse("2024-02-01T08:00:00Z");

    @Property(tries = 300)
    void workOrdersSurviveWriteAndRead(@ForAll("workOrders") WorkOrder workOrder) {
        ObjectNode source = WORK_ORDERS.write(workOrder, WriteMode.CREATE);
        WorkOrder back = WORK_ORDERS.read(asRead(source, "mxapiwodetail"), CONTEXT).record();

        // completed_at is read from actfinish, which actual_end writes
        assertThat(back).usingRecursiveComparison().ignoringFields("id", "remoteId", "connectionId", "createdAt",
                "modifiedAt", "remoteVersion", "completedAt").isEqualTo(workOrder);
        assertThat(back.completedAt()).isEqualTo(workOrder.actualEnd());
    }

    @Property(tries = 300)
    void purchaseOrdersWithLinesSurviveWriteAndRead(@ForAll("purchaseOrders") PurchaseOrder order) {
        ObjectNode source = PURCHASE_ORDERS.write(order, WriteMode.CREATE);
        PurchaseOrder back = PURCHASE_ORDERS.read(asRead(source, "mxapipo"), CONTEXT).record();

        assertThat(back).usingRecursiveComparison().ignoringFields("id", "remoteId", "connectionId", "createdAt",
                "modifiedAt", "remoteVersion").isEqualTo(order);
    }

    @Property(tries = 300)
    void vendorsWithAddressesSurviveWriteAndRead(@ForAll("vendors") Vendor vendor) {
        ObjectNode source = VENDORS.write(vendor, WriteMode.CREATE);
        Vendor back = VENDORS.read(asRead(source, "mxapivendor"), CONTEXT).record();

        assertThat(back).usingRecursiveComparison().ignoringFields("id", "remoteId", "connectionId", "createdAt",
                "modifiedAt", "remoteVersion").isEqualTo(vendor);
    }

    @Property(tries = 200)
    void canonicalJsonOfAnyWorkOrderReadsBackEqual(@ForAll("workOrders") WorkOrder workOrder) {
        CanonicalRecord back = CanonicalJson.read(Entity.WORK_ORDER, CanonicalJson.toJsonString(workOrder));

        assertThat(back).isEqualTo(workOrder);
    }

    /** What the source adds to a created record: its href, row stamp and change date. */
    private static ObjectNode asRead(ObjectNode written, String objectStructure) {
        return written.deepCopy()
                .put("href", "oslc/os/" + objectStructure + "/_Uk9VTkRUUklQ")
                .put("_rowstamp", "1")
                .put("changedate", MODIFIED.toString());
    }

    @Provide
    Arbitrary<WorkOrder> workOrders() {
        return Builders.withBuilder(() -> new Object[16])
                .use(code()).in((f, v) -> set(f, 0, v))
                .use(text()).in((f, v) -> set(f, 1, v))
                .use(text()).in((f, v) -> set(f, 2, v))
                .use(Arbitraries.of(WorkOrderStatus.PENDING_APPROVAL, WorkOrderStatus.APPROVED,
                        WorkOrderStatus.SCHEDULED, WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.COMPLETED,
                        WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED).injectNull(0.1)).in((f, v) -> set(f, 3, v))
                .use(Arbitraries.integers().between(1, 999).map(String::valueOf).injectNull(0.2))
                .in((f, v) -> set(f, 4, v))
                .use(code()).in((f, v) -> set(f, 5, v))
                .use(code()).in((f, v) -> set(f, 6, v))
                .use(code()).in((f, v) -> set(f, 7, v))
                .use(code()).in((f, v) -> set(f, 8, v))
                .use(code()).in((f, v) -> set(f, 9, v))
                .use(instant()).in((f, v) -> set(f, 10, v))
                .use(instant()).in((f, v) -> set(f, 11, v))
                .use(instant()).in((f, v) -> set(f, 12, v))
                .use(instant()).in((f, v) -> set(f, 13, v))
                .use(instant()).in((f, v) -> set(f, 14, v))
                .build(f -> new WorkOrder(null, null, null, null, null, null, null, false, Map.of(), null,
                        (String) f[0], (String) f[1], (String) f[2], (WorkOrderStatus) f[3], (String) f[4],
                        (String) f[5], (String) f[6], (String) f[7], (String) f[8], (String) f[9], (Instant) f[10],
                        (Instant) f[11], (Instant) f[12], (Instant) f[13], (Instant) f[14], (Instant) f[13]));
    }

    @Provide
    Arbitrary<PurchaseOrder> purchaseOrders() {
        Arbitrary<PurchaseOrderLine> line = Builders.withBuilder(() -> new Object[6])
                .use(Arbitraries.integers().between(1, 500).injectNull(0.1)).in((f, v) -> set(f, 0, v))
                .use(code()).in((f, v) -> set(f, 1, v))
                .use(text()).in((f, v) -> set(f, 2, v))
                .use(decimal()).in((f, v) -> set(f, 3, v))
                .use(decimal()).in((f, v) -> set(f, 4, v))
                .use(date()).in((f, v) -> set(f, 5, v))
                .build(f -> new PurchaseOrderLine((Integer) f[0], (String) f[1], (String) f[2], (BigDecimal) f[3],
                "EACH",
                        (BigDecimal) f[4], null, (LocalDate) f[5], null));
        return Builders.withBuilder(() -> new Object[7])
                .use(code()).in((f, v) -> set(f, 0, v))
                .use(Arbitraries.of(PurchaseOrderStatus.PENDING_APPROVAL, PurchaseOrderStatus.APPROVED,
                        PurchaseOrderStatus.OPEN, PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.CLOSED,
                        PurchaseOrderStatus.CANCELLED)).in((f, v) -> set(f, 1, v))
                .use(date()).in((f, v) -> set(f, 2, v))
                .use(code()).in((f, v) -> set(f, 3, v))
                .use(Arbitraries.of("USD", "EUR", "CAD")).in((f, v) -> set(f, 4, v))
                .use(code()).in((f, v) -> set(f, 5, v))
                .use(line.list().ofMaxSize(5).injectNull(0.1)).in((f, v) -> set(f, 6, v))
                .build(f -> new PurchaseOrder(null, null, null, null, null, null, null, false, Map.of(), null,
                        (String) f[0], (PurchaseOrderStatus) f[1], (LocalDate) f[2], (String) f[3], null,
                        (String) f[4], null, "EAGLENA", (String) f[5], castLines(f[6])));
    }

    @Provide
    Arbitrary<Vendor> vendors() {
        Arbitrary<Address> address = Builders.withBuilder(() -> new Object[6])
                .use(text()).in((f, v) -> set(f, 0, v))
                .use(text()).in((f, v) -> set(f, 1, v))
                .use(text()).in((f, v) -> set(f, 2, v))
                .use(code()).in((f, v) -> set(f, 3, v))
                .use(code()).in((f, v) -> set(f, 4, v))
                .use(Arbitraries.of("US", "DE", "CA")).in((f, v) -> set(f, 5, v))
                .build(f -> new Address((String) f[0], (String) f[1], (String) f[2], (String) f[3], (String) f[4],
                        (String) f[5]));
        return Builders.withBuilder(() -> new Object[5])
                .use(code()).in((f, v) -> set(f, 0, v))
                .use(text()).in((f, v) -> set(f, 1, v))
                .use(Arbitraries.of(VendorStatus.ACTIVE, VendorStatus.INACTIVE)).in((f, v) -> set(f, 2, v))
                .use(text()).in((f, v) -> set(f, 3, v))
                .use(address).in((f, v) -> set(f, 4, v))
                .build(f -> new Vendor(null, null, null, null, null, null, null, false, Map.of(), null,
                        (String) f[0], (String) f[1], (VendorStatus) f[2], "12-3456789", "USD", (String) f[3],
                        "+1 555 0100", (Address) f[4]));
    }

    @SuppressWarnings("unchecked")
    private static List<PurchaseOrderLine> castLines(Object lines) {
        return (List<PurchaseOrderLine>) lines;
    }

    private static Object[] set(Object[] fields, int index, Object value) {
        fields[index] = value;
        return fields;
    }

    private static Arbitrary<String> code() {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-',
                '_').ofMinLength(1).ofMaxLength(12)
                .injectNull(0.1);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(40).injectNull(0.1);
    }

    private static Arbitrary<Instant> instant() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli).injectNull(0.2);
    }

    private static Arbitrary<LocalDate> date() {
        return Arbitraries.longs().between(0, 60_000).map(LocalDate::ofEpochDay).injectNull(0.1);
    }

    private static Arbitrary<BigDecimal> decimal() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-99999.9999"), new BigDecimal("99999.9999"))
                .ofScale(4).injectNull(0.1);
    }
}
