package dev.millwright.mapping;

import dev.millwright.mapping.model.Address;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import dev.millwright.mapping.model.InventoryItem;
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

/** One fully filled canonical record of each entity. */
public final class CanonicalSamples {

    public static final String CONNECTION = "conn-7f3a";
    private static final Instant CREATED = Instant.parse("2024-01-12T14:15:00Z");
    private static final Instant MODIFIED = Instant.parse("2024-01-15T15:30:00Z");

    private CanonicalSamples() {
    }

    public static WorkOrder workOrder() {
        return new WorkOrder("0b6f1c1e-0d0e-5a37-9c53-2b6c1f7e3a10", "_QkVERk9SRC8xMDAw", CONNECTION, "work_order",
                CREATED, MODIFIED, "1827361", false, Map.of("cf_crew", "MECH-2"), null,
                "1000", "Replace pump seal", "Seal leaking at the drive end.", WorkOrderStatus.IN_PROGRESS, "2", "CM",
                "11430", "BR430", "BEDFORD", "JSMITH", Instant.parse("2024-01-15T13:00:00Z"),
                Instant.parse("2024-01-15T21:00:00Z"), Instant.parse("2024-01-15T13:30:00Z"), null,
                Instant.parse("2024-01-17T22:00:00Z"), null);
    }

    public static PurchaseOrder purchaseOrder() {
        return new PurchaseOrder("6d2f0f9a-1b7c-5e44-8a51-0c9e2d3f4b21", "_MTAyMQ--", CONNECTION, "purchase_order",
                CREATED, MODIFIED, "9034417", false, Map.of(), null,
                "1021", PurchaseOrderStatus.APPROVED, LocalDate.of(2024, 1, 10), "GRAINGER", "W.W. Grainger, Inc.",
                "USD", new BigDecimal("1277.50"), "EAGLENA", "MARIA",
                List.of(new PurchaseOrderLine(1, "0-1010", "Mechanical seal 40 mm", new BigDecimal("4"), "EACH",
                                new BigDecimal("245.75"), new BigDecimal("983.00"), LocalDate.of(2024, 1, 25),
                                new BigDecimal("2")),
                        new PurchaseOrderLine(2, "0-2040", "Bearing 6205-2RS", new BigDecimal("10"), "EACH",
                                new BigDecimal("29.45"), new BigDecimal("294.50"), LocalDate.of(2024, 1, 31),
                                BigDecimal.ZERO)));
    }

    public static InventoryItem inventoryItem() {
        return new InventoryItem("1f3e5d7c-9b0a-5c2e-8f41-6a7b8c9d0e12", "_MC0xMDEw", CONNECTION, "inventory_item",
                null, MODIFIED, "555120", false, Map.of(), null,
                "0-1010", "Mechanical seal 40 mm", "BEDFORD", "CENTRAL", "A-12-3", new BigDecimal("14"),
                new BigDecimal("11.5"), "EACH", new BigDecimal("243.1875"), new BigDecimal("6"));
    }

    public static Vendor vendor() {
        return new Vendor("2a4c6e8f-0b1d-5f3a-9c5e-7d9f1b3d5f70", "_R1JBSU5HRVI-", CONNECTION, "vendor",
                null, MODIFIED, "230017", false, Map.of(), null,
                "GRAINGER", "W.W. Grainger, Inc.", VendorStatus.ACTIVE, "36-1150280", "USD", "orders@grainger.test",
                "+1 847 535 1000",
                new Address("100 Grainger Parkway", "Dock 4", "Lake Forest", "IL", "60045", "US"));
    }

    public static Asset asset() {
        return new Asset("3b5d7f91-2c4e-5a6b-8d0f-1e3a5c7e9b24", "_MTE0MzA-", CONNECTION, "asset",
                null, MODIFIED, "781204", true, Map.of(), null,
                "11430", "Centrifugal pump 100 GPM", "Primary feed pump of cooling loop 2.", AssetStatus.OPERATING,
                "BR430", "BEDFORD", "11400", "CP-2291-A", "GOULDS", "3196 STX", LocalDate.of(2019, 6, 3), "3");
    }
}
