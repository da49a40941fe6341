package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates Maximo-demo-like data: sites BEDFORD, TEXAS and NASHUA of organization EAGLENA, plausible
 * descriptions from word lists, and consistent references (a work order's asset is an existing asset of
 * its site, a purchase order's vendor an existing vendor whose currency it uses, its lines existing
 * inventory items). The same seed always gives the same data; each structure draws from its own random
 * sequence, so changing the number of vendors does not change, say, the inventory.
 *
 * <p>Change dates spread uniformly over the last {@code historyDays} days before {@code now}; other
 * dates are derived from them (a work order is reported before it changes, started after it is reported).
 * Descriptions come from shared pools so that a million work orders do not hold a million strings.
 */
final class DataGenerator {

    /** How many records of each structure to generate. */
    record Counts(int workOrders, int purchaseOrders, int inventoryItems, int vendors, int assets) {
    }

    static final String[] SITES = {"BEDFORD", "TEXAS", "NASHUA"};
    private static final String[] SITE_PREFIXES = {"BR", "TX", "NA"};
    private static final String[] AREAS = {"SHIPPING", "RECEIVING", "BOILER", "ROOF", "PUMPHOUSE", "PACKAGING"};
    private static final String[] STOREROOMS = {"CENTRAL", "NORTHSTORE", "TOOLCRIB"};
    private static final String[] LEADS = {"WILSON", "SMITH", "HAGGERTY", "JOHNSON", "GARCIA", "MILLER", "DAVIS",
        "MARTINEZ", "BROWN", "LEE"};
    private static final String[] BUYERS = {"PARKER", "SINCLAIR", "HODGES", "MORGAN"};

    private static final String[] EQUIPMENT = {"Centrifugal Pump", "Air Compressor", "Air Handling Unit", "Chiller",
        "Cooling Tower", "Boiler", "Belt Conveyor", "Electric Motor", "Gearbox", "Heat Exchanger",
        "Hydraulic Press", "Forklift", "Emergency Generator", "Transformer", "Switchgear", "Fire Pump",
        "Exhaust Fan", "Packaging Machine", "CNC Lathe", "Robot Arm", "Overhead Crane", "Water Softener",
        "Steam Trap", "Control Valve", "Vacuum Pump"};
    private static final String[] PLACES = {"Line 1", "Line 2", "Line 3", "Building A", "Building B", "Roof",
        "Basement", "North Plant", "South Plant", "Boiler Room"};
    private static final String[] TASKS = {"Inspect %s", "Replace bearings on %s", "Lubricate %s",
        "Repair leak on %s", "Calibrate controls of %s", "Overhaul %s", "Replace filters on %s",
        "Check vibration on %s", "Clean and inspect %s", "Test safety interlocks on %s", "Align coupling on %s",
        "Troubleshoot noise from %s"};
    private static final String[] LONG_DESCRIPTIONS = {
        "Lock out and tag out before starting. Record readings on the inspection sheet.",
        "Operator reported abnormal noise during the night shift. Check bearings and coupling alignment.",
        "Follow the manufacturer's procedure. Replace gaskets if damaged and record torque values.",
        "Safety critical equipment: notify the shift supervisor before taking it out of service.",
        "Parts reserved in the storeroom. Return unused parts after completion.",
        "Vibration trend above alarm limit for two weeks. Plan a replacement if readings exceed 7 mm/s."};
    private static final String[] PO_DESCRIPTIONS = {"Replacement parts for pump overhaul",
        "Quarterly MRO supplies", "Filters and belts for HVAC preventive maintenance", "Bearings and seals",
        "Safety supplies for the maintenance crew", "Electrical components for switchgear upgrade",
        "Lubricants and greases", "Hand tools for the maintenance shop", "Spare motor and couplings",
        "Instrumentation for calibration program"};
    private static final String[][] ITEMS = {
        {"Bearing, Ball, 2 in Bore", "EACH", "42.50"}, {"V-Belt, A-42", "EACH", "12.75"},
        {"Filter, Air, 20 x 25 x 2", "EACH", "8.90"}, {"Gasket, Spiral Wound, 4 in", "EACH", "15.20"},
        {"Motor, 10 HP, 1800 RPM, TEFC", "EACH", "1450.00"}, {"Grease, Lithium, 14 oz", "EACH", "6.40"},
        {"Oil, Hydraulic, ISO 46", "GAL", "18.30"}, {"Mechanical Seal, 1.5 in", "EACH", "310.00"},
        {"Coupling, Jaw, L-100", "EACH", "58.00"}, {"Fuse, 30 A, Class J", "BOX", "95.00"},
        {"Cable, 12 AWG, THHN", "FT", "0.45"}, {"Valve, Ball, 2 in, Stainless", "EACH", "185.00"},
        {"Pressure Gauge, 0-160 psi", "EACH", "36.00"}, {"Impeller, 8 in, Bronze", "EACH", "640.00"},
        {"Gloves, Nitrile, Large", "BOX", "14.99"}, {"Safety Glasses, Clear", "PAIR", "4.25"},
        {"Contactor, 3 Pole, 40 A", "EACH", "122.00"}, {"Thermocouple, Type K", "EACH", "27.50"},
        {"Chain, Roller, #60", "FT", "9.80"}, {"Sprocket, 60B18", "EACH", "44.00"}};
    private static final String[] VENDOR_NAMES = {"ACME", "APEX", "BAYSIDE", "CASCADE", "DELTA", "EAGLE",
        "FRONTIER", "GRANITE", "HARBOR", "IRONWOOD", "KEYSTONE", "LIBERTY", "MERIDIAN", "NORTHSTAR", "OAKRIDGE",
        "PINNACLE", "RIVERSIDE", "SUMMIT", "TRIDENT", "VANGUARD", "WESTERN", "ZENITH", "ALLIED", "BEACON",
        "CENTURY", "EVEREST", "FALCON", "HORIZON", "LAKESHORE", "STERLING"};
    private static final String[] VENDOR_KINDS = {"Industrial Supply", "Electric", "Pump & Valve", "Bearing Co.",
        "Fluid Power", "Safety Products", "Mechanical Services", "Controls"};
    private static final String[][] CITIES = {
        {"Boston", "MA", "02110", "US"}, {"Houston", "TX", "77002", "US"}, {"Nashua", "NH", "03060", "US"},
        {"Bedford", "MA", "01730", "US"}, {"Chicago", "IL", "60601", "US"}, {"Cleveland", "OH", "44114", "US"},
        {"Atlanta", "GA", "30303", "US"}, {"Denver", "CO", "80202", "US"},
        {"Toronto", "ON", "M5H 2N2", "CA"}, {"Montreal", "QC", "H3B 4W8", "CA"},
        {"Hamburg", "HH", "20095", "DE"}, {"Stuttgart", "BW", "70173", "DE"}};
    private static final String[] STREETS = {"Industrial Pkwy", "Commerce Dr", "Main St", "Harbor Rd",
        "Technology Way", "Mill St", "Route 3", "Enterprise Ave"};

    private static final String[] WO_STATUSES = {"WAPPR", "APPR", "WSCH", "WMATL", "INPRG", "COMP", "CLOSE", "CAN",
        "WPCOND"};
    private static final int[] WO_STATUS_WEIGHTS = {15, 15, 10, 5, 15, 15, 20, 3, 2};
    private static final String[] WORK_TYPES = {"PM", "CM", "EM", "CAL"};
    private static final int[] WORK_TYPE_WEIGHTS = {40, 35, 10, 15};
    private static final String[] PO_STATUSES = {"WAPPR", "APPR", "INPRG", "CLOSE", "CAN", "HOLD", "REVISE"};
    private static final int[] PO_STATUS_WEIGHTS = {15, 30, 15, 30, 5, 3, 2};
    private static final String[] ITEM_STATUSES = {"ACTIVE", "PENDOBS", "OBSOLETE", "PLANNING"};
    private static final int[] ITEM_STATUS_WEIGHTS = {85, 5, 5, 5};
    private static final String[] ASSET_STATUSES = {"OPERATING", "NOT READY", "BROKEN", "INACTIVE", "DECOMMISSIONED"};
    private static final int[] ASSET_STATUS_WEIGHTS = {70, 8, 7, 8, 7};

    private static final long DAY = 86_400L;
    private static final long HOUR = 3_600L;

    private final long seed;
    private final long now;
    private final long historySeconds;
    private final String[] descriptionPool;
    private final String[][] locations;

    // What later structures refer to.
    private String[] vendorCodes = new String[0];
    private String[] vendorCurrencies = new String[0];
    private String[] assetNums = new String[0];
    private int[] assetSites = new int[0];
    private int[] assetEquipment = new int[0];
    private String[] assetLocations = new String[0];
    private int[] inventoryItems = new int[0];

    DataGenerator(long seed, long now, int historyDays) {
        this.seed = seed;
        this.now = now;
        this.historySeconds = historyDays * DAY;
        this.descriptionPool = new String[TASKS.length * EQUIPMENT.length];
        for (int t = 0; t < TASKS.length; t++) {
            for (int e = 0; e < EQUIPMENT.length; e++) {
                descriptionPool[t * EQUIPMENT.length + e] = String.format(Locale.ROOT, TASKS[t], EQUIPMENT[e]);
            }
        }
        this.locations = new String[SITES.length][];
        for (int s = 0; s < SITES.length; s++) {
            List<String> codes = new ArrayList<>();
            for (int n = 100; n <= 450; n += 50) {
                codes.add(SITE_PREFIXES[s] + n);
            }
            codes.addAll(List.of(AREAS));
            locations[s] = codes.toArray(new String[0]);
        }
    }

    /** Generates the records and loads them into the stores, structures referred to first. */
    void populate(Map<ObjectStructure, MaximoStore> stores, Counts counts) {
        stores.get(ObjectStructures.VENDORS).load(vendors(counts.vendors()));
        stores.get(ObjectStructures.ASSETS).load(assets(counts.assets()));
        stores.get(ObjectStructures.INVENTORY).load(inventory(counts.inventoryItems()));
        stores.get(ObjectStructures.PURCHASE_ORDERS).load(purchaseOrders(counts.purchaseOrders()));
        stores.get(ObjectStructures.WORK_ORDERS).load(workOrders(counts.workOrders()));
    }

    private List<RecordDraft> vendors(int count) {
        Random random = random(ObjectStructures.VENDORS);
        vendorCodes = new String[count];
        vendorCurrencies = new String[count];
        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = VENDOR_NAMES[i % VENDOR_NAMES.length];
            String code = i < VENDOR_NAMES.length ? base : base + (i / VENDOR_NAMES.length + 1);
            String[] city = CITIES[weightedCity(random)];
            String currency = switch (city[3]) {
                case "CA" -> "CAD";
                case "DE" -> "EUR";
                default -> "USD";
            };
            String name = capitalize(base) + " " + VENDOR_KINDS[random.nextInt(VENDOR_KINDS.length)];
            String domain = code.toLowerCase(Locale.ROOT) + ".example.com";
            RecordDraft draft = new RecordDraft(ObjectStructures.VENDORS)
                    .set("company", code)
                    .set("name", name)
                    .set("type", "V")
                    .set("orgid", ObjectStructures.DEFAULT_ORG)
                    .set("companiesid", 100 + i)
                    .set("disabled", random.nextInt(100) < 5)
                    .set("currencycode", currency)
                    .set("address1", (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)])
                    .set("address2", random.nextInt(100) < 30 ? "Suite " + (100 + random.nextInt(400)) : null)
                    .set("city", city[0])
                    .set("stateprovince", city[1])
                    .set("zip", city[2])
                    .set("country", city[3])
                    .set("phone", phone(random, city[3]))
                    .set("email", "orders@" + domain)
                    .set("fedtaxid", String.format(Locale.ROOT, "%02d-%07d", 10 + random.nextInt(89),
                            random.nextInt(10_000_000)))
                    .set("changedate", changedate(random));
            vendorCodes[i] = code;
            vendorCurrencies[i] = currency;
            drafts.add(draft);
        }
        return drafts;
    }

    private List<RecordDraft> assets(int count) {
        Random random = random(ObjectStructures.ASSETS);
        assetNums = new String[count];
        assetSites = new int[count];
        assetEquipment = new int[count];
        assetLocations = new String[count];
        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int site = i % SITES.length;
            int equipment = random.nextInt(EQUIPMENT.length);
            String assetnum = Integer.toString(11000 + i);
            String location = pick(random, locations[site]);
            String status = weighted(random, ASSET_STATUSES, ASSET_STATUS_WEIGHTS);
            // A third of the assets are components of an earlier asset of the same site.
            String parent = i >= SITES.length && random.nextInt(3) == 0
                    ? assetNums[i - SITES.length * (1 + random.nextInt(Math.min(i / SITES.length, 20)))] : null;
            long installdate = startOfDay(now - (365 + random.nextInt(15 * 365)) * DAY);
            RecordDraft draft = new RecordDraft(ObjectStructures.ASSETS)
                    .set("assetnum", assetnum)
                    .set("siteid", SITES[site])
                    .set("orgid", ObjectStructures.DEFAULT_ORG)
                    .set("assetid", 5000 + i)
                    .set("description", EQUIPMENT[equipment] + " - " + PLACES[random.nextInt(PLACES.length)])
                    .set("status", status)
                    .set("location", location)
                    .set("parent", parent)
                    .set("serialnum", String.format(Locale.ROOT, "SN%08d", random.nextInt(100_000_000)))
                    .set("manufacturer", vendorCodes.length == 0 ? null : pick(random, vendorCodes))
                    .set("vendor", vendorCodes.length == 0 ? null : pick(random, vendorCodes))
                    .set("installdate", installdate)
                    .set("priority", 1 + random.nextInt(5))
                    .set("isrunning", status.equals("OPERATING") && random.nextInt(10) > 0)
                    .set("changedate", changedate(random));
            assetNums[i] = assetnum;
            assetSites[i] = site;
            assetEquipment[i] = equipment;
            assetLocations[i] = location;
            drafts.add(draft);
        }
        return drafts;
    }

    private List<RecordDraft> inventory(int count) {
        Random random = random(ObjectStructures.INVENTORY);
        inventoryItems = new int[count];
        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Each item is stocked in the storerooms of one site: (item, storeroom) pairs are unique keys.
            int item = i / STOREROOMS.length;
            String[] catalog = ITEMS[item % ITEMS.length];
            double curbal = random.nextInt(400);
            double avgcost = ObjectStructures.money(Double.parseDouble(catalog[2]) * (0.9 + random.nextDouble() * 0.2));
            RecordDraft draft = new RecordDraft(ObjectStructures.INVENTORY)
                    .set("itemnum", itemnum(item))
                    .set("itemsetid", "SET1")
                    .set("description", catalog[0])
                    .set("location", STOREROOMS[i % STOREROOMS.length])
                    .set("siteid", SITES[item % SITES.length])
                    .set("orgid", ObjectStructures.DEFAULT_ORG)
                    .set("inventoryid", 2000 + i)
                    .set("binnum", String.format(Locale.ROOT, "%c-%02d-%d", 'A' + random.nextInt(6),
                            1 + random.nextInt(20), 1 + random.nextInt(5)))
                    .set("curbaltotal", curbal)
                    .set("avblbalance", curbal - random.nextInt((int) curbal / 4 + 1))
                    .set("issueunit", catalog[1])
                    .set("avgcost", avgcost)
                    .set("minlevel", (double) random.nextInt(50))
                    .set("status", weighted(random, ITEM_STATUSES, ITEM_STATUS_WEIGHTS))
                    .set("changedate", changedate(random));
            inventoryItems[i] = item;
            drafts.add(draft);
        }
        return drafts;
    }

    private List<RecordDraft> purchaseOrders(int count) {
        Random random = random(ObjectStructures.PURCHASE_ORDERS);
        RecordSchema lineSchema = ObjectStructures.PURCHASE_ORDERS.child().schema();
        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long changedate = changedate(random);
            long orderdate = Math.min(changedate, startOfDay(changedate - random.nextInt(20) * DAY) + 9 * HOUR);
            long requireddate = startOfDay(orderdate + (7 + random.nextInt(38)) * DAY);
            String status = weighted(random, PO_STATUSES, PO_STATUS_WEIGHTS);
            int vendor = vendorCodes.length == 0 ? -1 : random.nextInt(vendorCodes.length);
            RecordDraft draft = new RecordDraft(ObjectStructures.PURCHASE_ORDERS)
                    .set("ponum", Integer.toString(1000 + i))
                    .set("siteid", SITES[random.nextInt(SITES.length)])
                    .set("orgid", ObjectStructures.DEFAULT_ORG)
                    .set("poid", 3000 + i)
                    .set("revisionnum", random.nextInt(10) == 0 ? 1 : 0)
                    .set("description", pick(random, PO_DESCRIPTIONS))
                    .set("status", status)
                    .set("orderdate", orderdate)
                    .set("requireddate", requireddate)
                    .set("vendor", vendor < 0 ? null : vendorCodes[vendor])
                    .set("currencycode", vendor < 0 ? "USD" : vendorCurrencies[vendor])
                    .set("purchaseagent", pick(random, BUYERS))
                    .set("changedate", changedate);
            int lines = 1 + random.nextInt(5);
            for (int line = 1; line <= lines; line++) {
                int item = inventoryItems.length == 0 ? random.nextInt(ITEMS.length)
                        : inventoryItems[random.nextInt(inventoryItems.length)];
                String[] catalog = ITEMS[item % ITEMS.length];
                double orderqty = 1 + random.nextInt(50);
                double received = switch (status) {
                    case "CLOSE" -> orderqty;
                    case "INPRG" -> random.nextInt((int) orderqty + 1);
                    default -> 0;
                };
                Row row = lineSchema.newRow();
                lineSchema.attribute("polinenum").write(row, line);
                lineSchema.attribute("itemnum").write(row, itemnum(item));
                lineSchema.attribute("description").write(row, catalog[0]);
                lineSchema.attribute("orderqty").write(row, orderqty);
                lineSchema.attribute("orderunit").write(row, catalog[1]);
                lineSchema.attribute("unitcost").write(row, Double.parseDouble(catalog[2]));
                lineSchema.attribute("reqdeliverydate").write(row, requireddate);
                lineSchema.attribute("receivedqty").write(row, received);
                draft.children.add(row);
            }
            ObjectStructures.PURCHASE_ORDERS.rules().recompute(draft);
            drafts.add(draft);
        }
        return drafts;
    }

    private List<RecordDraft> workOrders(int count) {
        Random random = random(ObjectStructures.WORK_ORDERS);
        RecordSchema schema = ObjectStructures.WORK_ORDERS.schema();
        // Attribute handles resolved once: this loop may run a million times.
        Attribute wonum = schema.attribute("wonum");
        Attribute siteid = schema.attribute("siteid");
        Attribute orgid = schema.attribute("orgid");
        Attribute workorderid = schema.attribute("workorderid");
        Attribute description = schema.attribute("description");
        Attribute longdescription = schema.attribute("description_longdescription");
        Attribute status = schema.attribute("status");
        Attribute wopriority = schema.attribute("wopriority");
        Attribute worktype = schema.attribute("worktype");
        Attribute woclass = schema.attribute("woclass");
        Attribute assetnum = schema.attribute("assetnum");
        Attribute location = schema.attribute("location");
        Attribute lead = schema.attribute("lead");
        Attribute targstartdate = schema.attribute("targstartdate");
        Attribute targcompdate = schema.attribute("targcompdate");
        Attribute schedstart = schema.attribute("schedstart");
        Attribute schedfinish = schema.attribute("schedfinish");
        Attribute actstart = schema.attribute("actstart");
        Attribute actfinish = schema.attribute("actfinish");
        Attribute reportdate = schema.attribute("reportdate");
        Attribute changedateAttribute = schema.attribute("changedate");
        Attribute istask = schema.attribute("istask");

        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RecordDraft draft = new RecordDraft(ObjectStructures.WORK_ORDERS);
            Row row = draft.row;
            int site;
            int equipment;
            if (assetNums.length > 0) {
                int asset = random.nextInt(assetNums.length);
                site = assetSites[asset];
                equipment = assetEquipment[asset];
                assetnum.write(row, assetNums[asset]);
                location.write(row, assetLocations[asset]);
            } else {
                site = random.nextInt(SITES.length);
                equipment = random.nextInt(EQUIPMENT.length);
                location.write(row, pick(random, locations[site]));
            }
            String state = weighted(random, WO_STATUSES, WO_STATUS_WEIGHTS);
            long changedate = changedate(random);
            long reported = changedate - (long) (random.nextDouble() * Math.min(14 * DAY, changedate - (now - historySeconds) + DAY));
            long targetStart = roundToHour(reported + DAY + random.nextInt(10) * DAY);
            long targetFinish = targetStart + (1 + random.nextInt(5)) * DAY;

            wonum.write(row, Integer.toString(1000 + i));
            siteid.write(row, SITES[site]);
            orgid.write(row, ObjectStructures.DEFAULT_ORG);
            workorderid.write(row, 10_000 + i);
            description.write(row, descriptionPool[random.nextInt(TASKS.length) * EQUIPMENT.length + equipment]);
            if (random.nextInt(100) < 15) {
                longdescription.write(row, pick(random, LONG_DESCRIPTIONS));
            }
            status.write(row, state);
            wopriority.write(row, 1 + random.nextInt(5));
            worktype.write(row, weighted(random, WORK_TYPES, WORK_TYPE_WEIGHTS));
            woclass.write(row, "WORKORDER");
            lead.write(row, pick(random, LEADS));
            targstartdate.writeDate(row, targetStart);
            targcompdate.writeDate(row, targetFinish);
            if (!state.equals("WAPPR") && !state.equals("WSCH") && !state.equals("CAN")) {
                long scheduled = targetStart + random.nextInt(3) * DAY;
                schedstart.writeDate(row, scheduled);
                schedfinish.writeDate(row, scheduled + (targetFinish - targetStart));
            }
            if (state.equals("INPRG") || state.equals("COMP") || state.equals("CLOSE")) {
                long started = reported + (long) (random.nextDouble() * (changedate - reported) / 2);
                actstart.writeDate(row, started);
                if (!state.equals("INPRG")) {
                    actfinish.writeDate(row, started + (long) (random.nextDouble() * (changedate - started)));
                }
            }
            reportdate.writeDate(row, reported);
            changedateAttribute.writeDate(row, changedate);
            istask.write(row, Boolean.FALSE);
            drafts.add(draft);
        }
        return drafts;
    }

    // ---- helpers ----

    private Random random(ObjectStructure structure) {
        return new Random(seed * 1_000_003L + structure.name().hashCode());
    }

    private long changedate(Random random) {
        return now - (long) (random.nextDouble() * historySeconds);
    }

    private static String itemnum(int item) {
        return String.format(Locale.ROOT, "0-%04d", item + 1);
    }

    private static long startOfDay(long epochSeconds) {
        return epochSeconds - Math.floorMod(epochSeconds, DAY);
    }

    private static long roundToHour(long epochSeconds) {
        return epochSeconds - Math.floorMod(epochSeconds, HOUR);
    }

    private static int weightedCity(Random random) {
        int roll = random.nextInt(100);
        if (roll < 80) {
            return random.nextInt(8);
        }
        return roll < 90 ? 8 + random.nextInt(2) : 10 + random.nextInt(2);
    }

    private static String phone(Random random, String country) {
        if (country.equals("DE")) {
            return String.format(Locale.ROOT, "+49 40 555%04d", random.nextInt(10_000));
        }
        return String.format(Locale.ROOT, "%d-555-%04d", 200 + random.nextInt(790), random.nextInt(10_000));
    }

    private static String capitalize(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String weighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
