package dev.millwright.simulators.prometheusgroup;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates planning data of a plant maintenance organisation: sites BEDFORD, TEXAS and NASHUA (those of the Maximo
 * simulator), work orders numbered from 1000 (the Maximo simulator's numbers, so that host work orders find their
 * schedule) with their planning state — planned start and finish on weekdays, ISO schedule weeks, crews such as
 * {@code MECH-A}, planners — consistent with their status, and assets numbered from 11000. The same seed always gives
 * the same data; each resource draws from its own random sequence. Texts come from shared pools so that a large data
 * set does not hold a string per record.
 */
final class DataGenerator {

    static final String[] SITES = {"BEDFORD", "TEXAS", "NASHUA"};
    private static final String[] SITE_PREFIXES = {"BR", "TX", "NA"};
    private static final String[] PLANNERS = {"JSMITH", "MGARCIA", "TNGUYEN", "RPATEL", "KOBRIEN", "LWAGNER"};
    private static final String[] TECHNICIANS = {"WILSON", "HAGGERTY", "JOHNSON", "DAVIS", "LEE", "MARTINEZ",
        "BROWN", "OKAFOR"};
    private static final String[] EQUIPMENT = {"Centrifugal Pump", "Screw Compressor", "Air Handling Unit",
        "Chiller", "Cooling Tower", "Steam Boiler", "Belt Conveyor", "Induction Motor", "Gearbox", "Plate Heat Exchanger",
        "Hydraulic Press", "Forklift", "Standby Generator", "Transformer", "Switchgear", "Fire Pump", "Exhaust Fan",
        "Filling Machine", "CNC Lathe", "Overhead Crane", "Control Valve", "Vacuum Pump"};
    private static final String[] PLACES = {"Line 1", "Line 2", "Line 3", "Building A", "Building B", "Utilities",
        "Boiler House", "North Plant", "South Plant", "Warehouse"};
    private static final String[] TASKS = {"Inspect %s", "Replace bearings on %s", "Lubricate %s",
        "Repair leak on %s", "Calibrate %s", "Overhaul %s", "Replace filters on %s", "Vibration analysis of %s",
        "Clean and inspect %s", "Test interlocks of %s", "Realign coupling of %s", "Replace seals on %s"};
    private static final String[] NOTES = {
        "Isolate and lock out before work starts. Record readings on the checklist.",
        "Shutdown window agreed with operations. Scaffolding booked for Monday.",
        "Parts kitted in the storeroom; confirm availability the day before.",
        "Permit to work required. Coordinate with the shift supervisor.",
        "Estimate based on the last three executions of this job plan.",
        "Crane lift needed: schedule the rigging crew for the same window."};
    private static final String[] MANUFACTURERS = {"Northfield Pumps", "Apex Compressors", "Coldline HVAC",
        "Vector Drives", "Ridgeway Electric", "Keystone Valves", "Harbor Hydraulics"};
    private static final String[] JOB_SUMMARIES = {"Replace worn belt", "Check oil level", "Fix door sensor",
        "Clear blocked drain", "Tighten loose guard", "Replace light fitting", "Test emergency stop"};

    private static final int[] WO_STATUS_WEIGHTS = {5, 8, 10, 12, 25, 12, 4, 4, 10, 8, 2};
    private static final int[] ASSET_STATUS_WEIGHTS = {75, 6, 6, 8, 5};
    private static final int[] JOB_STATE_WEIGHTS = {40, 25, 30, 5};
    private static final String[] WORK_TYPES = {"PM", "CM", "EM", "CAL"};
    private static final int[] WORK_TYPE_WEIGHTS = {45, 35, 8, 12};
    private static final int[] HOURS = {2, 4, 6, 8, 12, 16, 24};

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final long seed;
    private final long now;
    private final long history;
    private final String[] taskPool;
    private final String[] assetNamePool;

    DataGenerator(long seed, long nowMillis, int historyDays) {
        this.seed = seed;
        this.now = nowMillis;
        this.history = historyDays * DAY;
        this.taskPool = new String[TASKS.length * EQUIPMENT.length];
        for (int t = 0; t < TASKS.length; t++) {
            for (int e = 0; e < EQUIPMENT.length; e++) {
                taskPool[t * EQUIPMENT.length + e] = String.format(Locale.ROOT, TASKS[t], EQUIPMENT[e]);
            }
        }
        this.assetNamePool = new String[EQUIPMENT.length * PLACES.length];
        for (int e = 0; e < EQUIPMENT.length; e++) {
            for (int p = 0; p < PLACES.length; p++) {
                assetNamePool[e * PLACES.length + p] = EQUIPMENT[e] + ", " + PLACES[p];
            }
        }
    }

    List<Row> workOrders(int count, long firstId, long firstNumber, String hostSystem, int assets) {
        Schema schema = Schemas.WORK_ORDERS;
        Random random = random("workorders");
        List<Row> rows = new ArrayList<>(count);
        int assetRange = Math.max(assets, 1);
        for (int i = 0; i < count; i++) {
            Object[] values = new Object[schema.fields.size()];
            int site = i % SITES.length;
            int status = weighted(random, WO_STATUS_WEIGHTS);
            long modified = changeTime(random);
            long created = modified - (long) (random.nextDouble() * 30 * DAY);
            set(values, schema, "workOrderNumber", Long.toString(firstNumber + i));
            set(values, schema, "site", SITES[site]);
            set(values, schema, "hostSystem", hostSystem);
            set(values, schema, "description", taskPool[random.nextInt(taskPool.length)]);
            set(values, schema, "longDescription", random.nextInt(3) == 0 ? null : NOTES[random.nextInt(NOTES.length)]);
            set(values, schema, "status", Schemas.WORK_ORDER_STATUSES[status]);
            set(values, schema, "priority", (long) (1 + Math.min(4, random.nextInt(3) + random.nextInt(3))));
            set(values, schema, "workType", WORK_TYPES[weighted(random, WORK_TYPE_WEIGHTS)]);
            int asset = (i * 7 + random.nextInt(assetRange)) % assetRange;
            set(values, schema, "assetNumber", Long.toString(11000 + asset));
            set(values, schema, "location", SITE_PREFIXES[site] + (100 + 50 * random.nextInt(8)));
            int hours = HOURS[random.nextInt(HOURS.length)];
            set(values, schema, "estimatedHours", BigDecimal.valueOf(hours).setScale(1));
            set(values, schema, "dueDate", startOfDay(created + (7 + random.nextInt(21)) * DAY));
            boolean planned = status >= 3 && status != 10;        // READY and later, not CANCELLED
            if (status >= 2) {
                set(values, schema, "planner", PLANNERS[random.nextInt(PLANNERS.length)]);
            }
            if (planned) {
                long start = weekdayMorning(modified - 7 * DAY + (long) (random.nextDouble() * 21 * DAY));
                set(values, schema, "plannedStart", start);
                set(values, schema, "plannedFinish", start + hours * HOUR);
                set(values, schema, "crew", Schemas.CREWS[random.nextInt(Schemas.CREWS.length)]);
                if (status >= 4) {
                    set(values, schema, "scheduleWeek", Dates.week(start));
                    set(values, schema, "assignedTo", TECHNICIANS[random.nextInt(TECHNICIANS.length)]);
                }
                if (status >= 5) {
                    long actualStart = start + (random.nextInt(7) - 2) * HOUR;
                    set(values, schema, "actualStart", actualStart);
                    if (status == 8 || status == 9) {
                        set(values, schema, "actualFinish",
                                actualStart + (long) (hours * HOUR * (0.7 + random.nextDouble() * 0.7)));
                    }
                }
            }
            rows.add(new Row(firstId + i, modified, 1 + random.nextInt(6), created, values));
        }
        return rows;
    }

    List<Row> assets(int count, long firstId) {
        Schema schema = Schemas.ASSETS;
        Random random = random("assets");
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object[] values = new Object[schema.fields.size()];
            int site = i % SITES.length;
            long modified = changeTime(random);
            set(values, schema, "assetNumber", Long.toString(11000 + i));
            set(values, schema, "site", SITES[site]);
            set(values, schema, "description", assetNamePool[random.nextInt(assetNamePool.length)]);
            set(values, schema, "status", Schemas.ASSET_STATUSES[weighted(random, ASSET_STATUS_WEIGHTS)]);
            set(values, schema, "location", SITE_PREFIXES[site] + (100 + 50 * random.nextInt(8)));
            if (i >= SITES.length && random.nextInt(3) == 0) {
                set(values, schema, "parentAssetNumber", Long.toString(11000 + site + SITES.length
                        * random.nextInt(i / SITES.length)));
            }
            set(values, schema, "serialNumber", String.format(Locale.ROOT, "SN-%06d", random.nextInt(1_000_000)));
            int maker = random.nextInt(MANUFACTURERS.length);
            set(values, schema, "manufacturer", MANUFACTURERS[maker]);
            set(values, schema, "model", MANUFACTURERS[maker].substring(0, 2).toUpperCase(Locale.ROOT) + "-"
                    + (100 + random.nextInt(900)));
            set(values, schema, "installDate", Instant.ofEpochMilli(modified - (365 + random.nextInt(15 * 365)) * DAY)
                    .atZone(ZoneOffset.UTC).toLocalDate());
            int criticality = random.nextInt(10);
            set(values, schema, "criticality", criticality < 2 ? "A" : criticality < 7 ? "B" : "C");
            rows.add(new Row(firstId + i, modified, 1 + random.nextInt(4), modified, values));
        }
        return rows;
    }

    List<Row> jobs(int count, long firstId) {
        Schema schema = Schemas.JOBS;
        Random random = random("jobs");
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object[] values = new Object[schema.fields.size()];
            long modified = changeTime(random);
            set(values, schema, "ref", String.format(Locale.ROOT, "J-%05d", firstId + i));
            set(values, schema, "summary", JOB_SUMMARIES[random.nextInt(JOB_SUMMARIES.length)]);
            set(values, schema, "state", Schemas.JOB_STATES[weighted(random, JOB_STATE_WEIGHTS)]);
            set(values, schema, "equipment_tag", String.format(Locale.ROOT, "EQ-%04d", random.nextInt(10_000)));
            set(values, schema, "crew_code", Schemas.CREWS[random.nextInt(Schemas.CREWS.length)]);
            set(values, schema, "due_on", Instant.ofEpochMilli(modified + random.nextInt(14) * DAY)
                    .atZone(ZoneOffset.UTC).toLocalDate());
            rows.add(new Row(firstId + i, modified, 1 + random.nextInt(3), modified, values));
        }
        return rows;
    }

    private static void set(Object[] values, Schema schema, String field, Object value) {
        values[schema.position(field)] = value;
    }

    private long changeTime(Random random) {
        return now - (long) (random.nextDouble() * history);
    }

    private static long startOfDay(long millis) {
        return millis - Math.floorMod(millis, DAY);
    }

    /** 07:00 UTC of the given day, moved to Monday when it falls on a weekend. */
    private static long weekdayMorning(long millis) {
        ZonedDateTime day = Instant.ofEpochMilli(startOfDay(millis)).atZone(ZoneOffset.UTC).withHour(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.toInstant().toEpochMilli();
    }

    private Random random(String resource) {
        return new Random(seed * 31 + resource.hashCode());
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
