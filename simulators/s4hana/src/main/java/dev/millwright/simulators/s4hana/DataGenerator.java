package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.SapCatalog.EQUIPMENT;
import static dev.millwright.simulators.s4hana.SapCatalog.MAINTENANCE_ORDERS;
import static dev.millwright.simulators.s4hana.SapCatalog.MATERIAL_STOCK;
import static dev.millwright.simulators.s4hana.SapCatalog.PURCHASE_ORDERS;
import static dev.millwright.simulators.s4hana.SapCatalog.PURCHASE_ORDER_ITEMS;
import static dev.millwright.simulators.s4hana.SapCatalog.SCHEDULE_LINES;
import static dev.millwright.simulators.s4hana.SapCatalog.SUPPLIERS;
import static dev.millwright.simulators.s4hana.SapCatalog.SUPPLIER_PURCHASING_ORGS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates SAP-looking data from a seed: company code and plant 1010, purchase orders from 4500000001,
 * maintenance orders from 4000001, equipment from 10000001, suppliers from 17300001, materials such as TG11.
 * Change times spread uniformly over the history before now, in whole seconds.
 */
final class DataGenerator {

    /** How many entities of each set to generate. */
    record Counts(int purchaseOrders, int maintenanceOrders, int stockRecords, int suppliers, int equipment) {
    }

    private static final String[] SUPPLIER_NAMES = {"Bike Parts Inc.", "Domestic Supplier 1", "Precision Bearings GmbH",
        "Nordic Valves AB", "Atlas Industrial Supply", "Rhein Hydraulik AG", "Pacific Pumps Ltd.", "Iberia Motores SA",
        "Summit Electrical Co.", "Kanto Seiki K.K.", "Alpen Dichtungen GmbH", "Great Lakes Fasteners"};
    private static final String[] MATERIALS = {"TG11", "TG12", "TG13", "TG14", "TG21", "TG22", "RM12", "RM14", "RM15",
        "FG126", "FG226", "SP-BRG-6204", "SP-SEAL-40", "SP-FLT-100"};
    private static final String[] MATERIAL_TEXTS = {"Trading Good 11, PD, Regular Trading", "Trading Good 12, PD",
        "Trading Good 13, Reorder Point", "Trading Good 14, MRP", "Trading Good 21", "Trading Good 22",
        "Raw Material 12", "Raw Material 14", "Raw Material 15", "Finished Good 126", "Finished Good 226",
        "Deep groove ball bearing 6204", "Shaft seal 40 mm", "Oil filter cartridge 100"};
    private static final String[] UNITS = {"PC", "PC", "KG", "PC", "PC", "EA", "KG", "L", "KG", "PC", "PC", "PC", "PC",
        "PC"};
    private static final String[] PO_STATUSES = {"02", "02", "02", "02", "05", "05", "05", "03", "03", "01", "08"};
    private static final String[] ORDER_TEXTS = {"Replace pump seal", "Inspect conveyor belt", "Lubricate gearbox",
        "Repair compressor valve", "Calibrate pressure sensor", "Annual boiler inspection", "Replace motor bearing",
        "Clean heat exchanger", "Check safety interlocks", "Overhaul hydraulic unit"};
    private static final String[] SYSTEM_STATUSES = {"CRTD NMAT", "CRTD MANC NMAT", "REL NMAT PRC SETC",
        "REL NMAT PRC SETC", "REL PCNF NMAT PRC SETC", "REL CNF NMAT PRC SETC", "TECO NMAT PRC SETC",
        "CLSD NMAT PRC SETC", "CRTD DLFL NMAT"};
    private static final String[] EQUIPMENT_KINDS = {"Centrifugal pump", "Screw compressor", "Electric motor",
        "Belt conveyor", "Heat exchanger", "Hydraulic press", "Cooling tower fan", "Gearbox", "Boiler feed pump"};
    private static final String[] OBJECT_TYPES = {"PUMP", "COMPR", "MOTOR", "CONV", "HEATX", "PRESS", "FAN", "GEARB",
        "PUMP"};
    private static final String[] MANUFACTURERS = {"KSB", "Atlas Copco", "Siemens", "ABB", "Flowserve", "Grundfos",
        "SEW-Eurodrive", "Alfa Laval"};
    private static final String[] STORAGE_LOCATIONS = {"101A", "101B", "171A", "171C"};

    private final Random random;
    private final long now;
    private final long historyMillis;
    private final SapService service;

    DataGenerator(long seed, long nowMillis, int historyDays, SapService service) {
        this.random = new Random(seed);
        this.now = nowMillis - Math.floorMod(nowMillis, 1000);
        this.historyMillis = historyDays * 86_400_000L;
        this.service = service;
    }

    void populate(Counts counts) {
        List<String> suppliers = suppliers(counts.suppliers());
        List<String> equipment = equipment(counts.equipment());
        purchaseOrders(counts.purchaseOrders(), suppliers);
        maintenanceOrders(counts.maintenanceOrders(), equipment);
        stock(counts.stockRecords());
    }

    private long changeTime() {
        long back = historyMillis <= 0 ? 0 : (long) (random.nextDouble() * historyMillis);
        return now - back - Math.floorMod(now - back, 1000);
    }

    private List<String> suppliers(int count) {
        List<Entity> entities = new ArrayList<>(count);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = Long.toString(17_300_001L + i);
            String name = SUPPLIER_NAMES[i % SUPPLIER_NAMES.length] + (i < SUPPLIER_NAMES.length ? "" : " " + (i + 1));
            Entity.Draft draft = Entity.blank(SUPPLIERS).draft()
                    .set("Supplier", number).set("SupplierName", name).set("SupplierFullName", name)
                    .set("SupplierAccountGroup", "SUPL").set("CreatedByUser", "CB9980000010")
                    .set("CreationDate", SapService.startOfDay(changeTime()))
                    .set("PurchasingIsBlocked", random.nextInt(20) == 0).set("PostingIsBlocked", random.nextInt(30) == 0)
                    .set("PaymentIsBlockedForSupplier", false).set("DeletionIndicator", random.nextInt(30) == 0)
                    .set("TaxNumber1", "DE" + (100_000_000 + random.nextInt(899_999_999)))
                    .set("VATRegistration", "DE" + (100_000_000 + random.nextInt(899_999_999)))
                    .set("Industry", "Z001").set("Customer", "");
            Entity.Draft org = Entity.blank(SUPPLIER_PURCHASING_ORGS).draft()
                    .set("Supplier", number).set("PurchasingOrganization", "1010")
                    .set("PurchaseOrderCurrency", random.nextInt(4) == 0 ? "USD" : "EUR").set("PaymentTerms", "0001")
                    .set("IncotermsClassification", "EXW").set("PurchasingIsBlockedForSupplier", false)
                    .set("DeletionIndicator", false);
            draft.children.put("to_SupplierPurchasingOrg", List.of(org.build(service.nextVersion())));
            entities.add(draft.build(service.nextVersion()));
            numbers.add(number);
        }
        service.load(SUPPLIERS, entities);
        return numbers;
    }

    private void purchaseOrders(int count, List<String> suppliers) {
        List<Entity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = Long.toString(4_500_000_001L + i);
            long changed = changeTime();
            long ordered = SapService.startOfDay(changed - random.nextInt(20) * 86_400_000L);
            Entity.Draft draft = Entity.blank(PURCHASE_ORDERS).draft()
                    .set("PurchaseOrder", number).set("CompanyCode", "1010").set("PurchaseOrderType", "NB")
                    .set("PurchasingDocumentDeletionCode", random.nextInt(30) == 0 ? "L" : "")
                    .set("PurchasingProcessingStatus", PO_STATUSES[random.nextInt(PO_STATUSES.length)])
                    .set("CreatedByUser", "CB9980000010").set("CreationDate", ordered).set("LastChangeDateTime", changed)
                    .set("Supplier", suppliers.isEmpty() ? "17300001" : suppliers.get(random.nextInt(suppliers.size())))
                    .set("Language", "EN").set("PaymentTerms", "0001").set("PurchasingOrganization", "1010")
                    .set("PurchasingGroup", "00" + (1 + random.nextInt(3))).set("PurchaseOrderDate", ordered)
                    .set("DocumentCurrency", "EUR").set("ExchangeRate", new BigDecimal("1.00000"))
                    .set("IncotermsClassification", "EXW").set("IncotermsLocation1", "Walldorf")
                    .set("ReleaseIsNotCompleted", false);
            int itemCount = 1 + random.nextInt(4);
            List<Entity> items = new ArrayList<>(itemCount);
            for (int position = 1; position <= itemCount; position++) {
                int material = random.nextInt(MATERIALS.length);
                String item = String.format("%05d", position * 10);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(200)).setScale(3);
                Entity.Draft line = Entity.blank(PURCHASE_ORDER_ITEMS).draft()
                        .set("PurchaseOrder", number).set("PurchaseOrderItem", item)
                        .set("PurchasingDocumentDeletionCode", draft.get("PurchasingDocumentDeletionCode"))
                        .set("PurchaseOrderItemText", MATERIAL_TEXTS[material]).set("Plant", "1010")
                        .set("StorageLocation", "101A").set("MaterialGroup", "L001").set("OrderQuantity", quantity)
                        .set("PurchaseOrderQuantityUnit", UNITS[material]).set("OrderPriceUnit", UNITS[material])
                        .set("DocumentCurrency", "EUR")
                        .set("NetPriceAmount", BigDecimal.valueOf(100 + random.nextInt(99_900), 2))
                        .set("NetPriceQuantity", BigDecimal.ONE).set("TaxCode", "I1")
                        .set("IsCompletelyDelivered", random.nextInt(4) == 0).set("IsFinallyInvoiced", false)
                        .set("PurchaseOrderItemCategory", "0").set("AccountAssignmentCategory", "")
                        .set("Material", MATERIALS[material]);
                Entity.Draft schedule = Entity.blank(SCHEDULE_LINES).draft()
                        .set("PurchasingDocument", number).set("PurchasingDocumentItem", item).set("ScheduleLine", "1")
                        .set("DelivDateCategory", "D")
                        .set("ScheduleLineDeliveryDate", ordered + (7 + random.nextInt(30)) * 86_400_000L)
                        .set("PurchaseOrderQuantityUnit", UNITS[material]).set("ScheduleLineOrderQuantity", quantity)
                        .set("ScheduleLineDeliveryTime", 0L).set("ScheduleLineCommittedQuantity", BigDecimal.ZERO);
                line.children.put("to_ScheduleLine", List.of(schedule.build(service.nextVersion())));
                items.add(line.build(service.nextVersion()));
            }
            draft.children.put("to_PurchaseOrderItem", List.copyOf(items));
            entities.add(draft.build(service.nextVersion()));
        }
        service.load(PURCHASE_ORDERS, entities);
    }

    private List<String> equipment(int count) {
        List<Entity> entities = new ArrayList<>(count);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = Long.toString(10_000_001L + i);
            int kind = random.nextInt(EQUIPMENT_KINDS.length);
            long changed = changeTime();
            long created = SapService.startOfDay(changed - random.nextInt(3000) * 86_400_000L);
            int state = random.nextInt(100);
            Entity.Draft draft = Entity.blank(EQUIPMENT).draft()
                    .set("Equipment", number).set("ValidityEndDate", SapService.END_OF_TIME)
                    .set("ValidityStartDate", created)
                    .set("EquipmentName", EQUIPMENT_KINDS[kind] + " " + (char) ('A' + i % 26) + "-" + (100 + i % 900))
                    .set("EquipmentCategory", "M").set("TechnicalObjectType", OBJECT_TYPES[kind])
                    .set("AssetManufacturerName", MANUFACTURERS[random.nextInt(MANUFACTURERS.length)])
                    .set("ManufacturerPartTypeName", "M-" + (1000 + random.nextInt(9000)))
                    .set("ManufacturerSerialNumber", "SN" + (1_000_000 + random.nextInt(8_999_999)))
                    .set("ConstructionYear", Integer.toString(2005 + random.nextInt(19)))
                    .set("OperationStartDate", created).set("MaintenancePlant", "1010")
                    .set("PlantSection", "A0" + (1 + random.nextInt(3))).set("ABCIndicator", "ABC".substring(i % 3, i % 3 + 1))
                    .set("FunctionalLocation", "1010-SPA-SAC-PLAR" + (1 + random.nextInt(4)))
                    .set("SuperordinateEquipment", i > 5 && random.nextInt(8) == 0 ? numbers.get(random.nextInt(numbers.size())) : "")
                    .set("CreatedByUser", "CB9980000010").set("CreationDate", created).set("LastChangeDateTime", changed)
                    .set("EquipmentIsAvailable", state >= 60 && state < 80).set("EquipmentIsInstalled", state < 60)
                    .set("EquipmentIsInWarehouse", state >= 80 && state < 88)
                    .set("EquipmentIsInactive", state >= 88 && state < 95)
                    .set("EquipmentIsMarkedForDeletion", state >= 95);
            entities.add(draft.build(service.nextVersion()));
            numbers.add(number);
        }
        service.load(EQUIPMENT, entities);
        return numbers;
    }

    private void maintenanceOrders(int count, List<String> equipment) {
        List<Entity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long changed = changeTime();
            long start = changed - random.nextInt(10) * 86_400_000L + random.nextInt(3) * 86_400_000L;
            String type = random.nextInt(3) == 0 ? "PM02" : "PM01";
            Entity.Draft draft = Entity.blank(MAINTENANCE_ORDERS).draft()
                    .set("MaintenanceOrder", Long.toString(4_000_001L + i)).set("MaintenanceOrderType", type)
                    .set("MaintenanceOrderDesc", ORDER_TEXTS[random.nextInt(ORDER_TEXTS.length)])
                    .set("MaintOrdBasicStartDateTime", start)
                    .set("MaintOrdBasicEndDateTime", start + (1 + random.nextInt(16)) * 3_600_000L)
                    .set("MaintenanceNotification", random.nextBoolean() ? Long.toString(10_000_001L + i) : "")
                    .set("MainWorkCenter", "RES-0" + (100 + random.nextInt(3) * 100)).set("MainWorkCenterPlant", "1010")
                    .set("MaintenancePlanningPlant", "1010").set("MaintenancePlant", "1010").set("CompanyCode", "1010")
                    .set("Equipment", equipment.isEmpty() ? "" : equipment.get(random.nextInt(equipment.size())))
                    .set("FunctionalLocation", "1010-SPA-SAC-PLAR" + (1 + random.nextInt(4)))
                    .set("MaintenanceActivityType", type.equals("PM02") ? "002" : "001")
                    .set("MaintPriority", Integer.toString(1 + random.nextInt(4))).set("MaintPriorityType", "PM")
                    .set("MaintOrdPersonResponsible", "")
                    .set("LatestAcceptableCompletionDate", SapService.startOfDay(start) + 14 * 86_400_000L)
                    .set("LastChangeDateTime", changed)
                    .set("SystemStatusText", SYSTEM_STATUSES[random.nextInt(SYSTEM_STATUSES.length)])
                    .set("UserStatusText", "");
            entities.add(draft.build(service.nextVersion()));
        }
        service.load(MAINTENANCE_ORDERS, entities);
    }

    private void stock(int count) {
        List<Entity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int material = i / STORAGE_LOCATIONS.length;
            String materialNumber = material < MATERIALS.length ? MATERIALS[material] : "RM" + (1000 + material);
            String unit = material < MATERIALS.length ? UNITS[material] : "PC";
            int kind = random.nextInt(10);
            Entity.Draft draft = Entity.blank(MATERIAL_STOCK).draft()
                    .set("Material", materialNumber).set("Plant", "1010")
                    .set("StorageLocation", STORAGE_LOCATIONS[i % STORAGE_LOCATIONS.length]).set("Batch", "")
                    .set("Supplier", "").set("Customer", "").set("WBSElementInternalID", "00000000")
                    .set("SDDocument", "").set("SDDocumentItem", "000000").set("InventorySpecialStockType", "")
                    .set("InventoryStockType", kind < 8 ? "01" : kind == 8 ? "02" : "07").set("MaterialBaseUnit", unit)
                    .set("MatlWrhsStkQtyInMatlBaseUnit", BigDecimal.valueOf(random.nextInt(5_000_000), 3));
            entities.add(draft.build(service.nextVersion()));
        }
        service.load(MATERIAL_STOCK, entities);
    }
}
