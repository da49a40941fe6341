package dev.millwright.simulators.netsuite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a manufacturing company's NetSuite data: vendors with addresses and currencies by country, inventory
 * items from an MRO catalog, purchase orders of those vendors whose lines buy those items (receipts and bills
 * consistent with the order status), assembly work orders consuming items, and fixed assets (some components of
 * others). The same seed always gives the same data; each record type draws from its own random sequence, so
 * changing the number of vendors does not change, say, the assets. Modified times spread uniformly over the last
 * {@code historyDays} days before now; created times precede them.
 */
final class DataGenerator {

    /** How many records of each type to generate. */
    record Counts(int vendors, int inventoryItems, int purchaseOrders, int workOrders, int assets) {
    }

    private static final long DAY = 86_400L;

    private static final String[] VENDOR_NAMES = {"Acme", "Apex", "Bayside", "Cascade", "Delta", "Eagle", "Frontier",
        "Granite", "Harbor", "Ironwood", "Keystone", "Liberty", "Meridian", "Northstar", "Oakridge", "Pinnacle",
        "Riverside", "Summit", "Trident", "Vanguard", "Western", "Zenith", "Allied", "Beacon", "Century", "Everest",
        "Falcon", "Horizon", "Lakeshore", "Sterling"};
    private static final String[] VENDOR_KINDS = {"Industrial Supply", "Electric", "Pump & Valve", "Bearing Co.",
        "Fluid Power", "Safety Products", "Mechanical Services", "Controls"};
    /** City, state, zip, country, currency id, subsidiary id. */
    private static final String[][] CITIES = {
        {"Boston", "MA", "02110", "US", "1", "2"}, {"Houston", "TX", "77002", "US", "1", "2"},
        {"Chicago", "IL", "60601", "US", "1", "2"}, {"Cleveland", "OH", "44114", "US", "1", "2"},
        {"Atlanta", "GA", "30303", "US", "1", "2"}, {"Denver", "CO", "80202", "US", "1", "2"},
        {"Toronto", "ON", "M5H 2N2", "CA", "3", "3"}, {"Montreal", "QC", "H3B 4W8", "CA", "3", "3"},
        {"Hamburg", "HH", "20095", "DE", "4", "4"}, {"Stuttgart", "BW", "70173", "DE", "4", "4"},
        {"Manchester", "ENG", "M1 1AE", "GB", "2", "2"}};
    private static final String[] STREETS = {"Industrial Pkwy", "Commerce Dr", "Main St", "Harbor Rd",
        "Technology Way", "Mill St", "Route 3", "Enterprise Ave"};
    /** Item id stem, display name, unit id, cost. */
    private static final String[][] CATALOG = {
        {"BRG-6205", "Bearing, Ball, 6205-2RS", "1", "42.50"}, {"BLT-A42", "V-Belt, A-42", "1", "12.75"},
        {"FLT-2025", "Filter, Air, 20 x 25 x 2", "1", "8.90"}, {"GSK-SW4", "Gasket, Spiral Wound, 4 in", "1", "15.20"},
        {"MTR-10HP", "Motor, 10 HP, 1800 RPM, TEFC", "1", "1450.00"}, {"GRS-LI14", "Grease, Lithium, 14 oz", "1", "6.40"},
        {"OIL-ISO46", "Oil, Hydraulic, ISO 46", "3", "18.30"}, {"SEAL-M15", "Mechanical Seal, 1.5 in", "1", "310.00"},
        {"CPL-L100", "Coupling, Jaw, L-100", "1", "58.00"}, {"FUSE-30J", "Fuse, 30 A, Class J", "2", "95.00"},
        {"CBL-12THHN", "Cable, 12 AWG, THHN", "4", "0.45"}, {"VLV-BALL2", "Valve, Ball, 2 in, Stainless", "1", "185.00"},
        {"GAU-160", "Pressure Gauge, 0-160 psi", "1", "36.00"}, {"IMP-8BR", "Impeller, 8 in, Bronze", "1", "640.00"},
        {"GLV-NITL", "Gloves, Nitrile, Large", "2", "14.99"}, {"SGL-CLR", "Safety Glasses, Clear", "5", "4.25"},
        {"CTR-40A", "Contactor, 3 Pole, 40 A", "1", "122.00"}, {"TC-K", "Thermocouple, Type K", "1", "27.50"},
        {"CHN-60", "Chain, Roller, #60", "4", "9.80"}, {"SPR-60B18", "Sprocket, 60B18", "1", "44.00"}};
    private static final String[] PO_MEMOS = {"Replacement parts for pump overhaul", "Quarterly MRO supplies",
        "Filters and belts for HVAC preventive maintenance", "Bearings and seals", "Safety supplies",
        "Electrical components for switchgear upgrade", "Lubricants and greases", "Spare motor and couplings",
        "Instrumentation for calibration program", "Stock replenishment"};
    private static final String[] PO_STATUSES = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final int[] PO_STATUS_WEIGHTS = {10, 25, 3, 8, 7, 10, 30, 7};
    private static final String[] WO_STATUSES = {"A", "B", "D", "G", "H"};
    private static final int[] WO_STATUS_WEIGHTS = {15, 25, 20, 15, 25};
    private static final String[] EQUIPMENT = {"Centrifugal Pump", "Air Compressor", "Air Handling Unit", "Chiller",
        "Cooling Tower", "Boiler", "Belt Conveyor", "Hydraulic Press", "Forklift", "Emergency Generator",
        "Transformer", "CNC Lathe", "Robot Arm", "Overhead Crane", "Packaging Machine", "Delivery Truck",
        "Server Rack", "Vacuum Pump"};
    private static final String[] TAGS = {"P", "C", "AHU", "CH", "CT", "B", "CV", "HP", "FL", "G", "T", "L", "R",
        "CR", "PK", "TR", "SR", "VP"};
    private static final int[] EQUIPMENT_TYPES = {1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 4, 1};
    private static final String[] MAKERS = {"Grundfos", "Atlas Copco", "Trane", "Carrier", "Baltimore Aircoil",
        "Cleaver-Brooks", "Dorner", "Enerpac", "Toyota", "Caterpillar", "ABB", "Haas", "FANUC", "Konecranes",
        "Bosch", "Ford", "Dell", "Busch"};
    private static final int[] ASSET_STATUS_WEIGHTS = {8, 70, 12, 7, 3};

    private final long seed;
    private final long now;
    private final long historySeconds;
    private final AccountData data;

    private long[] vendorIds = new long[0];
    private long[] itemIds = new long[0];

    DataGenerator(long seed, long now, int historyDays, AccountData data) {
        this.seed = seed;
        this.now = now;
        this.historySeconds = Math.max(1, historyDays) * DAY;
        this.data = data;
    }

    void populate(Counts counts, String assetType) {
        data.load(RecordTypes.VENDOR, vendors(counts.vendors()));
        data.load(RecordTypes.INVENTORY_ITEM, items(counts.inventoryItems()));
        data.load(assetType, assets(counts.assets(), assetType));
        data.load(RecordTypes.PURCHASE_ORDER, purchaseOrders(counts.purchaseOrders()));
        data.load(RecordTypes.WORK_ORDER, workOrders(counts.workOrders()));
    }

    private List<NsRecord> vendors(int count) {
        RecordTypeDef type = data.store(RecordTypes.VENDOR).type;
        Random random = random(type);
        vendorIds = new long[count];
        List<NsRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = VENDOR_NAMES[i % VENDOR_NAMES.length];
            String suffix = i < VENDOR_NAMES.length ? "" : " " + (i / VENDOR_NAMES.length + 1);
            String name = base + " " + VENDOR_KINDS[random.nextInt(VENDOR_KINDS.length)] + suffix;
            String[] city = CITIES[random.nextInt(CITIES.length)];
            Values v = new Values(type);
            long modified = modified(random);
            v.set("entityId", "V" + (1001 + i))
                    .set("companyName", name)
                    .set("isInactive", random.nextInt(100) < 5)
                    .set("email", "orders@" + (base + suffix).toLowerCase(Locale.ROOT).replace(" ", "") + ".example.com")
                    .set("phone", phone(random, city[3]))
                    .set("currency", Long.parseLong(city[4]))
                    .set("subsidiary", Long.parseLong(city[5]))
                    .set("taxIdNum", pad(10 + random.nextInt(89), 2) + "-" + pad(random.nextInt(10_000_000), 7))
                    .set("addr1", (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)])
                    .set("addr2", random.nextInt(100) < 30 ? "Suite " + (100 + random.nextInt(400)) : null)
                    .set("city", city[0]).set("state", city[1]).set("zip", city[2]).set("country", city[3])
                    .set("dateCreated", created(random, modified))
                    .set("lastModifiedDate", modified);
            long id = data.nextId(type);
            vendorIds[i] = id;
            records.add(new NsRecord(type, id, v.values, null));
        }
        noteNumbers(type, count);
        return records;
    }

    private List<NsRecord> items(int count) {
        RecordTypeDef type = data.store(RecordTypes.INVENTORY_ITEM).type;
        Random random = random(type);
        itemIds = new long[count];
        List<NsRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] entry = CATALOG[i % CATALOG.length];
            String itemId = i < CATALOG.length ? entry[0] : entry[0] + "-" + (i / CATALOG.length + 1);
            BigDecimal cost = new BigDecimal(entry[3]);
            BigDecimal average = cost.multiply(BigDecimal.valueOf(90 + random.nextInt(21)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            int onHand = random.nextInt(400);
            long modified = modified(random);
            Values v = new Values(type);
            v.set("itemId", itemId)
                    .set("displayName", entry[1])
                    .set("purchaseDescription", entry[1])
                    .set("isInactive", random.nextInt(100) < 4)
                    .set("subsidiary", random.nextInt(4) == 0 ? 3L : 2L)
                    .set("location", 1L + random.nextInt(5))
                    .set("stockUnit", Long.parseLong(entry[2]))
                    .set("cost", cost)
                    .set("averageCost", average)
                    .set("reorderPoint", BigDecimal.valueOf(5 + random.nextInt(46)))
                    .set("quantityOnHand", BigDecimal.valueOf(onHand))
                    .set("quantityAvailable", BigDecimal.valueOf(Math.max(0, onHand - random.nextInt(20))))
                    .set("createdDate", created(random, modified))
                    .set("lastModifiedDate", modified);
            long id = data.nextId(type);
            itemIds[i] = id;
            records.add(new NsRecord(type, id, v.values, null));
        }
        return records;
    }

    private List<NsRecord> assets(int count, String assetType) {
        RecordTypeDef type = data.store(assetType).type;
        Random random = random(type);
        long[] ids = new long[count];
        List<NsRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(EQUIPMENT.length);
            long location = 1L + random.nextInt(5);
            long subsidiary = location == 3 ? 3L : location == 4 ? 4L : 2L;
            long modified = modified(random);
            long purchased = epochDay(modified) - 30 - random.nextInt(2500);
            long id = data.nextId(type);
            ids[i] = id;
            Long parent = i > 3 && random.nextInt(4) == 0 ? ids[random.nextInt(i)] : null;
            Values v = new Values(type);
            v.set("name", "FAM" + pad(i + 1, 5))
                    .set("altName", EQUIPMENT[kind] + " " + TAGS[kind] + "-" + (101 + i))
                    .set("isInactive", false)
                    .set("custrecord_assetdescr", EQUIPMENT[kind] + ", " + MAKERS[kind] + ", installed at "
                            + RefLists.name(RefLists.LOCATION, location))
                    .set("custrecord_assettype", (long) EQUIPMENT_TYPES[kind])
                    .set("custrecord_assetstatus", (long) (1 + weighted(random, ASSET_STATUS_WEIGHTS)))
                    .set("custrecord_assetserialno", MAKERS[kind].substring(0, 2).toUpperCase(Locale.ROOT) + "-"
                            + pad(random.nextInt(1_000_000), 6))
                    .set("custrecord_assetsupplier", MAKERS[kind])
                    .set("custrecord_assetlocation", location)
                    .set("custrecord_assetsubsidiary", subsidiary)
                    .set("custrecord_componentof", parent)
                    .set("custrecord_assetcost", BigDecimal.valueOf(2_000 + random.nextInt(250_000)))
                    .set("custrecord_assetpurchasedate", purchased)
                    .set("custrecord_assetdeprstartdate", purchased + 14)
                    .set("created", created(random, modified))
                    .set("lastModified", modified);
            records.add(new NsRecord(type, id, v.values, null));
        }
        noteNumbers(type, count);
        return records;
    }

    private List<NsRecord> purchaseOrders(int count) {
        RecordTypeDef type = data.store(RecordTypes.PURCHASE_ORDER).type;
        Random random = random(type);
        List<NsRecord> records = new ArrayList<>(count);
        if (vendorIds.length == 0 || itemIds.length == 0) {
            return records;
        }
        RecordStore vendors = data.store(RecordTypes.VENDOR);
        RecordStore items = data.store(RecordTypes.INVENTORY_ITEM);
        for (int i = 0; i < count; i++) {
            NsRecord vendor = vendors.get(vendorIds[random.nextInt(vendorIds.length)]);
            String status = PO_STATUSES[weighted(random, PO_STATUS_WEIGHTS)];
            long modified = modified(random);
            long created = created(random, modified);
            long tranDate = epochDay(created);
            int lineCount = 1 + random.nextInt(4);
            Object[][] lines = new Object[lineCount][];
            BigDecimal total = BigDecimal.ZERO;
            for (int l = 0; l < lineCount; l++) {
                NsRecord item = items.get(itemIds[random.nextInt(itemIds.length)]);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(24));
                BigDecimal rate = ((BigDecimal) item.value("cost")).multiply(BigDecimal.valueOf(95 + random.nextInt(11)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                BigDecimal amount = rate.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
                BigDecimal received = switch (status) {
                    case "D", "E" -> l == 0 ? quantity.subtract(BigDecimal.ONE).max(BigDecimal.ONE) : BigDecimal.ZERO;
                    case "F", "G" -> quantity;
                    default -> BigDecimal.ZERO;
                };
                Values line = Values.line(type);
                line.set("line", (long) (l + 1))
                        .set("item", item.id)
                        .set("description", item.value("displayName"))
                        .set("quantity", quantity)
                        .set("units", item.value("stockUnit"))
                        .set("rate", rate)
                        .set("amount", amount)
                        .set("expectedReceiptDate", tranDate + 7 + random.nextInt(21))
                        .set("quantityReceived", received)
                        .set("quantityBilled", status.equals("G") ? quantity : BigDecimal.ZERO)
                        .set("isClosed", status.equals("H"));
                lines[l] = line.values;
                total = total.add(amount);
            }
            Values v = new Values(type);
            v.set("tranId", "PO" + (1001 + i))
                    .set("tranDate", tranDate)
                    .set("entity", vendor.id)
                    .set("currency", vendor.value("currency"))
                    .set("subsidiary", vendor.value("subsidiary"))
                    .set("location", 1L + random.nextInt(2))
                    .set("employee", RefLists.ids(RefLists.EMPLOYEE)[1 + random.nextInt(4)])
                    .set("memo", PO_MEMOS[random.nextInt(PO_MEMOS.length)])
                    .set("dueDate", tranDate + 30)
                    .set("orderStatus", status)
                    .set("total", total)
                    .set("createdDate", created)
                    .set("lastModifiedDate", modified);
            records.add(new NsRecord(type, data.nextId(type), v.values, lines));
        }
        noteNumbers(type, count);
        return records;
    }

    private List<NsRecord> workOrders(int count) {
        RecordTypeDef type = data.store(RecordTypes.WORK_ORDER).type;
        Random random = random(type);
        List<NsRecord> records = new ArrayList<>(count);
        long[] assemblies = RefLists.ids(RefLists.ASSEMBLY_ITEM);
        RecordStore items = data.store(RecordTypes.INVENTORY_ITEM);
        for (int i = 0; i < count; i++) {
            long assembly = assemblies[random.nextInt(assemblies.length)];
            BigDecimal quantity = BigDecimal.valueOf(5 * (1 + random.nextInt(20)));
            long modified = modified(random);
            long created = created(random, modified);
            long start = epochDay(created) + random.nextInt(10);
            Object[][] lines = new Object[itemIds.length == 0 ? 0 : 2 + random.nextInt(3)][];
            for (int l = 0; l < lines.length; l++) {
                NsRecord item = items.get(itemIds[random.nextInt(itemIds.length)]);
                Values line = Values.line(type);
                line.set("line", (long) (l + 1))
                        .set("item", item.id)
                        .set("description", item.value("displayName"))
                        .set("quantity", quantity.multiply(BigDecimal.valueOf(1 + random.nextInt(4))))
                        .set("units", item.value("stockUnit"));
                lines[l] = line.values;
            }
            String name = RefLists.name(RefLists.ASSEMBLY_ITEM, assembly);
            Values v = new Values(type);
            v.set("tranId", "WO" + (1001 + i))
                    .set("tranDate", epochDay(created))
                    .set("assemblyItem", assembly)
                    .set("quantity", quantity)
                    .set("subsidiary", random.nextInt(3) == 0 ? 3L : 2L)
                    .set("location", random.nextInt(3) == 0 ? 3L : 1L)
                    .set("orderStatus", WO_STATUSES[weighted(random, WO_STATUS_WEIGHTS)])
                    .set("startDate", start)
                    .set("endDate", start + 2 + random.nextInt(12))
                    .set("memo", "Build " + quantity + " x " + name)
                    .set("createdDate", created)
                    .set("lastModifiedDate", modified);
            records.add(new NsRecord(type, data.nextId(type), v.values, lines));
        }
        noteNumbers(type, count);
        return records;
    }

    private void noteNumbers(RecordTypeDef type, int count) {
        if (type.numberField != null && count > 0) {
            data.noteNumber(type, type.numberPrefix + (type.numberPrefix.equals("FAM") ? count : 1000 + count));
        }
    }

    private long modified(Random random) {
        return now - (long) (random.nextDouble() * historySeconds);
    }

    private long created(Random random, long modified) {
        return modified - random.nextInt(30) * DAY - random.nextInt((int) DAY);
    }

    private long epochDay(long epochSecond) {
        return data.dates().epochDayOf(epochSecond);
    }

    private Random random(RecordTypeDef type) {
        return new Random(seed * 31 + type.name.hashCode());
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String phone(Random random, String country) {
        return switch (country) {
            case "DE" -> "+49 40 " + pad(random.nextInt(10_000), 4) + " " + pad(random.nextInt(10_000), 4);
            case "GB" -> "+44 161 " + pad(random.nextInt(1000), 3) + " " + pad(random.nextInt(10_000), 4);
            default -> "(" + (200 + random.nextInt(700)) + ") " + (200 + random.nextInt(700)) + "-"
                    + pad(random.nextInt(10_000), 4);
        };
    }

    /** Zero-padded digits, without String.format's cost (a million records format millions of numbers). */
    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** The values of one record or line being generated, set by field name. */
    private static final class Values {
        private final RecordTypeDef type;
        private final boolean line;
        final Object[] values;

        private Values(RecordTypeDef type, boolean line) {
            this.type = type;
            this.line = line;
            this.values = new Object[line ? type.lineFields.size() : type.fields.size()];
        }

        Values(RecordTypeDef type) {
            this(type, false);
        }

        static Values line(RecordTypeDef type) {
            return new Values(type, true);
        }

        Values set(String field, Object value) {
            int index = line ? type.lineIndex(field) : type.index(field);
            if (index < 0) {
                throw new IllegalStateException(type + " has no field " + field);
            }
            values[index] = value instanceof Integer number ? Long.valueOf(number) : value;
            return this;
        }
    }
}
