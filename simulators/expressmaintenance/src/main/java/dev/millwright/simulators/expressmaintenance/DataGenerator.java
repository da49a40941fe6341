package dev.millwright.simulators.expressmaintenance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Realistic rows of every table, each a pure function of the seed, the table and the row's index: the same
 * simulator settings give the same database, and a row can be made again without keeping the others (so seeding a
 * million work orders holds one batch in memory). Change times fall within the history window before the clock's
 * now, whole seconds as the CMMS stamps them, so that large tables have rows sharing a second.
 */
final class DataGenerator {

    static final String[] SITES = {"MAIN", "PLANT2"};
    static final String[] STOREROOMS = {"MAIN-STORES", "PLANT2-STORES"};

    private static final String[][] EQUIPMENT_TYPES = {
        {"PMP", "Centrifugal pump", "Grundfos", "CR 32-2"},
        {"CMP", "Rotary screw air compressor", "Atlas Copco", "GA 37"},
        {"CNV", "Belt conveyor", "Dorner", "3200 Series"},
        {"BLR", "Steam boiler", "Cleaver-Brooks", "CBEX Elite"},
        {"CHL", "Water-cooled chiller", "Trane", "CenTraVac"},
        {"FLT", "Electric forklift", "Toyota", "8FBE20U"},
        {"LTH", "CNC lathe", "Haas", "ST-20Y"},
        {"PRS", "Hydraulic press", "Beckwood", "H-Frame 150T"},
        {"GEN", "Standby generator", "Caterpillar", "C15"},
        {"AHU", "Air handling unit", "Carrier", "39M"},
        {"MTR", "Induction motor", "Siemens", "1LE1"},
        {"PKG", "Case packer", "Douglas", "Contour"},
    };
    private static final String[] AREAS = {"Boiler room", "Line 1", "Line 2", "Line 3", "Packaging hall",
        "Compressor house", "Warehouse", "Tool room", "Roof", "Utility yard"};
    private static final String[] EQUIPMENT_STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE",
        "DOWN", "IN REPAIR", "STANDBY", "RETIRED"};
    private static final String[] WORK_ACTIONS = {"Inspect", "Lubricate", "Replace bearings on", "Repair leak on",
        "Calibrate", "Replace filter on", "Check alignment of", "Quarterly PM:", "Clean", "Troubleshoot"};
    private static final String[] WORK_TYPES = {"PM", "PM", "PM", "CM", "CM", "EM", "INSP", "PROJ"};
    private static final String[] WORK_STATUSES = {"REQUESTED", "OPEN", "OPEN", "ASSIGNED", "IN PROGRESS",
        "IN PROGRESS", "ON HOLD", "COMPLETE", "COMPLETE", "CLOSED", "CLOSED", "CLOSED", "CANCELLED"};
    private static final String[] TECHNICIANS = {"J. Alvarez", "M. Chen", "R. Okafor", "S. Novak", "T. Brennan",
        "K. Sato", "L. Moreau", "D. Patel"};
    private static final String[][] PARTS = {
        {"Ball bearing 6204-2RS", "EA", "8.40"}, {"V-belt A42", "EA", "12.75"},
        {"Hydraulic filter element HF-35", "EA", "46.10"}, {"O-ring kit, metric", "KIT", "29.90"},
        {"Mechanical seal 1.5 in", "EA", "185.00"}, {"Contactor 40 A, 24 V coil", "EA", "94.50"},
        {"Grease cartridge EP2", "EA", "6.25"}, {"Air filter 24x24x2", "EA", "18.60"},
        {"Gear oil ISO VG 220", "L", "7.80"}, {"Proximity sensor M18", "EA", "72.00"},
        {"Conveyor belt splice kit", "KIT", "210.00"}, {"Fuse 10 A class CC", "EA", "4.15"},
    };
    private static final String[] VENDOR_NAMES = {"Industrial Supply", "Bearing & Drive", "Hydraulics", "Electric",
        "Fluid Power", "Safety Products", "Mechanical Services", "Controls", "Lubricants", "Fasteners"};
    private static final String[] VENDOR_PREFIXES = {"Midwest", "Precision", "Allied", "Summit", "Keystone",
        "Pioneer", "Great Lakes", "Apex", "Coastal", "Frontier"};
    private static final String[][] CITIES = {{"Cleveland", "OH", "44114"}, {"Milwaukee", "WI", "53202"},
        {"Pittsburgh", "PA", "15222"}, {"Houston", "TX", "77002"}, {"Charlotte", "NC", "28202"},
        {"Indianapolis", "IN", "46204"}};
    private static final String[] VENDOR_STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "INACTIVE",
        "ON HOLD"};
    private static final String[] PO_STATUSES = {"DRAFT", "WAITING APPR", "APPROVED", "ISSUED", "ISSUED", "PARTIAL",
        "RECEIVED", "CLOSED", "CLOSED", "CANCELLED"};
    private static final String[] BUYERS = {"A. Fischer", "B. Romero", "C. Nguyen"};

    private final long seed;
    private final Clock clock;
    private final ZoneId zone;
    private final int historyDays;
    private final int assets;
    private final int vendors;
    private final int inventoryItems;

    DataGenerator(long seed, Clock clock, ZoneId zone, int historyDays, int assets, int vendors, int inventoryItems) {
        this.seed = seed;
        this.clock = clock;
        this.zone = zone;
        this.historyDays = historyDays;
        this.assets = assets;
        this.vendors = vendors;
        this.inventoryItems = inventoryItems;
    }

    private Random random(Table table, long index) {
        return new Random(seed * 1_000_003L + table.ordinal() * 2_147_483_647L + index);
    }

    /** The clock's now as the CMMS stores it: a local date-time of the installation's zone, microseconds. */
    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), zone);
    }

    static String vendorId(int index) {
        return "V" + (10001 + index);
    }

    static String equipmentId(int index) {
        return EQUIPMENT_TYPES[index % EQUIPMENT_TYPES.length][0] + "-" + String.format("%05d", index + 1);
    }

    static String partNumber(int index) {
        return "P-" + (20001 + index / STOREROOMS.length);
    }

    static String storeroom(int index) {
        return STOREROOMS[index % STOREROOMS.length];
    }

    static String workOrderNumber(long index) {
        return "WO-" + String.format("%07d", index + 1);
    }

    static String purchaseOrderNumber(long index) {
        return "PO-" + String.format("%06d", index + 1);
    }

    /** Created and last modified, within the history window, in whole seconds. */
    private LocalDateTime[] stamps(Random random) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long window = Math.max(1, Duration.ofDays(historyDays).toSeconds());
        Instant created = now.minusSeconds(1 + (long) (random.nextDouble() * window));
        long since = Duration.between(created, now).toSeconds();
        Instant modified = created.plusSeconds((long) (random.nextDouble() * since));
        return new LocalDateTime[] {LocalDateTime.ofInstant(created, zone), LocalDateTime.ofInstant(modified, zone)};
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    Map<String, Object> vendor(int index) {
        Random random = random(Table.VENDORS, index);
        LocalDateTime[] stamps = stamps(random);
        String[] city = pick(random, CITIES);
        String name = VENDOR_PREFIXES[index % VENDOR_PREFIXES.length] + " "
                + VENDOR_NAMES[(index / VENDOR_PREFIXES.length) % VENDOR_NAMES.length]
                + (index >= VENDOR_PREFIXES.length * VENDOR_NAMES.length ? " " + (index + 1) : "");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("VENDOR_ID", vendorId(index));
        row.put("VENDOR_NAME", name);
        row.put("STATUS", pick(random, VENDOR_STATUSES));
        row.put("TAX_ID", String.format("%02d-%07d", 10 + random.nextInt(89), random.nextInt(10_000_000)));
        row.put("CURRENCY", random.nextInt(10) == 0 ? "CAD" : "USD");
        row.put("EMAIL", "orders@" + name.toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example");
        row.put("PHONE", String.format("+1 %03d-555-%04d", 200 + random.nextInt(700), random.nextInt(10_000)));
        row.put("ADDRESS1", (100 + random.nextInt(9800)) + " " + pick(random, new String[] {"Industrial Pkwy",
            "Commerce Dr", "Main St", "Harbor Rd", "Enterprise Ave"}));
        row.put("ADDRESS2", random.nextInt(4) == 0 ? "Suite " + (100 + random.nextInt(400)) : null);
        row.put("CITY", city[0]);
        row.put("STATE", city[1]);
        row.put("ZIP", city[2]);
        row.put("COUNTRY", "US");
        row.put("DELETED_FLAG", "N");
        row.put("CREATED_ON", stamps[0]);
        row.put("LAST_MODIFIED", stamps[1]);
        row.put("ROW_VERSION", 1 + random.nextInt(5));
        return row;
    }

    Map<String, Object> equipment(int index) {
        Random random = random(Table.EQUIPMENT, index);
        LocalDateTime[] stamps = stamps(random);
        String[] type = EQUIPMENT_TYPES[index % EQUIPMENT_TYPES.length];
        String site = SITES[index % SITES.length];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("EQUIP_ID", equipmentId(index));
        row.put("DESCRIPTION", type[1] + " " + String.format("%s-%02d", type[0], 1 + index / EQUIPMENT_TYPES.length));
        row.put("NOTES", random.nextInt(3) == 0 ? "Spare parts kit kept in " + storeroom(index) + "." : null);
        row.put("STATUS", pick(random, EQUIPMENT_STATUSES));
        row.put("SITE", site);
        row.put("LOCATION", pick(random, AREAS));
        // a motor belongs to an earlier piece of equipment of its site
        row.put("PARENT_EQUIP_ID", type[0].equals("MTR") && index >= SITES.length
                ? equipmentId(index - SITES.length) : null);
        row.put("SERIAL_NO", type[0] + String.format("%08d", random.nextInt(100_000_000)));
        row.put("MANUFACTURER", type[2]);
        row.put("MODEL_NO", type[3]);
        row.put("INSTALL_DATE", stamps[0].toLocalDate().minusDays(365L + random.nextInt(3650)));
        row.put("CRITICALITY", 1 + random.nextInt(5));
        row.put("CREATED_ON", stamps[0]);
        row.put("LAST_MODIFIED", stamps[1]);
        row.put("ROW_VERSION", 1 + random.nextInt(9));
        return row;
    }

    Map<String, Object> part(int index) {
        Random random = random(Table.PARTS, index);
        LocalDateTime[] stamps = stamps(random);
        String[] part = PARTS[(index / STOREROOMS.length) % PARTS.length];
        BigDecimal onHand = BigDecimal.valueOf(random.nextInt(200)).setScale(3);
        BigDecimal reserved = BigDecimal.valueOf(random.nextInt(Math.max(1, onHand.intValue() / 4 + 1))).setScale(3);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("PART_NO", partNumber(index));
        row.put("STOREROOM", storeroom(index));
        row.put("DESCRIPTION", part[0]);
        row.put("SITE", SITES[index % SITES.length]);
        row.put("BIN", String.format("%s-%02d-%d", (char) ('A' + random.nextInt(8)), 1 + random.nextInt(30),
                1 + random.nextInt(5)));
        row.put("QTY_ON_HAND", onHand);
        row.put("QTY_AVAILABLE", onHand.subtract(reserved));
        row.put("UNIT", part[1]);
        row.put("UNIT_COST", new BigDecimal(part[2]).multiply(BigDecimal.valueOf(90 + random.nextInt(21)))
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP));
        row.put("REORDER_POINT", BigDecimal.valueOf(2 + random.nextInt(20)).setScale(3));
        row.put("CREATED_ON", stamps[0]);
        row.put("LAST_MODIFIED", stamps[1]);
        return row;
    }

    Map<String, Object> workOrder(long index) {
        Random random = random(Table.WORK_ORDERS, index);
        LocalDateTime[] stamps = stamps(random);
        int equipmentIndex = assets == 0 ? -1 : random.nextInt(assets);
        String status = pick(random, WORK_STATUSES);
        LocalDateTime scheduledStart = stamps[0].plusHours(4 + random.nextInt(24 * 7)).withMinute(0).withSecond(0);
        boolean started = switch (status) {
            case "IN PROGRESS", "ON HOLD", "COMPLETE", "CLOSED" -> true;
            default -> false;
        };
        boolean finished = status.equals("COMPLETE") || status.equals("CLOSED");
        LocalDateTime actualStart = started ? scheduledStart.plusMinutes(random.nextInt(240)) : null;
        LocalDateTime actualEnd = finished ? actualStart.plusMinutes(30 + random.nextInt(480)) : null;
        String action = pick(random, WORK_ACTIONS);
        String equipmentName = equipmentIndex < 0 ? "plant utilities"
                : EQUIPMENT_TYPES[equipmentIndex % EQUIPMENT_TYPES.length][1].toLowerCase() + " "
                        + equipmentId(equipmentIndex);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("WO_ID", index + 1);
        row.put("WO_NUMBER", workOrderNumber(index));
        row.put("TITLE", action + " " + equipmentName);
        row.put("DESCRIPTION", random.nextInt(3) == 0 ? null : "Reported by operator on shift "
                + (1 + random.nextInt(3)) + ". " + action + " and record readings in the log.");
        row.put("STATUS", status);
        row.put("PRIORITY", 1 + random.nextInt(5));
        row.put("WO_TYPE", pick(random, WORK_TYPES));
        row.put("EQUIP_ID", equipmentIndex < 0 ? null : equipmentId(equipmentIndex));
        row.put("SITE", equipmentIndex < 0 ? SITES[0] : SITES[equipmentIndex % SITES.length]);
        row.put("LOCATION", pick(random, AREAS));
        row.put("ASSIGNED_TO", status.equals("REQUESTED") || status.equals("OPEN") ? null : pick(random, TECHNICIANS));
        row.put("SCHED_START", status.equals("REQUESTED") ? null : scheduledStart);
        row.put("SCHED_END", status.equals("REQUESTED") ? null : scheduledStart.plusHours(1 + random.nextInt(8)));
        row.put("ACTUAL_START", actualStart);
        row.put("ACTUAL_END", actualEnd);
        row.put("DUE_DATE", scheduledStart.toLocalDate().plusDays(random.nextInt(14)));
        row.put("DATE_COMPLETED", actualEnd);
        row.put("CREATED_ON", stamps[0]);
        row.put("LAST_MODIFIED", stamps[1]);
        row.put("ROW_VERSION", 1 + random.nextInt(12));
        return row;
    }

    Map<String, Object> purchaseOrder(long index) {
        Random random = random(Table.PURCHASE_ORDERS, index);
        LocalDateTime[] stamps = stamps(random);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("PO_ID", index + 1);
        row.put("PO_NUMBER", purchaseOrderNumber(index));
        row.put("STATUS", pick(random, PO_STATUSES));
        row.put("ORDER_DATE", stamps[0].toLocalDate());
        row.put("VENDOR_ID", vendorId(random.nextInt(Math.max(1, vendors))));
        row.put("CURRENCY", "USD");
        row.put("SITE", SITES[(int) (index % SITES.length)]);
        row.put("BUYER", pick(random, BUYERS));
        row.put("CREATED_ON", stamps[0]);
        row.put("LAST_MODIFIED", stamps[1]);
        row.put("ROW_VERSION", 1 + random.nextInt(6));
        return row;
    }

    /** The number of lines of a purchase order, 1 to {@code maxLines}. */
    int lineCount(long orderIndex, int maxLines) {
        return 1 + random(Table.PO_LINES, orderIndex).nextInt(Math.max(1, maxLines));
    }

    Map<String, Object> purchaseOrderLine(long orderIndex, int lineNumber, LocalDate orderDate, String status) {
        Random random = random(Table.PO_LINES, orderIndex * 1_000 + lineNumber);
        int partIndex = random.nextInt(Math.max(1, inventoryItems));
        String[] part = PARTS[(partIndex / STOREROOMS.length) % PARTS.length];
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(48)).setScale(3);
        BigDecimal received = switch (status) {
            case "RECEIVED", "CLOSED" -> quantity;
            case "PARTIAL" -> quantity.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN).setScale(3);
            default -> BigDecimal.ZERO.setScale(3);
        };
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("PO_ID", orderIndex + 1);
        row.put("LINE_NO", lineNumber);
        row.put("PART_NO", inventoryItems == 0 ? null : partNumber(partIndex));
        row.put("DESCRIPTION", part[0]);
        row.put("QTY_ORDERED", quantity);
        row.put("UNIT", part[1]);
        row.put("UNIT_PRICE", new BigDecimal(part[2]).setScale(4));
        row.put("NEED_BY_DATE", orderDate == null ? null : orderDate.plusDays(7 + random.nextInt(21)));
        row.put("QTY_RECEIVED", received);
        return row;
    }
}
