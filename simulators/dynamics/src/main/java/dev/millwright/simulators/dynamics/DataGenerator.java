package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generates a realistic, deterministic company from a seed: vendors ({@code V00010}, US addresses, a few in
 * foreign currencies or blocked), items (CRONUS furniture such as {@code 1896-S} ATHENS Desk, then maintenance
 * and repair parts), fixed assets ({@code FA000010}, plant equipment, some under maintenance or blocked) and
 * purchase orders ({@code 106001}, one to five item lines, Draft, In Review or Open, some Open ones fully
 * received). Modification times spread over the history before the clock's now, some records sharing a
 * millisecond (as bulk imports do), so that readers meet ties.
 */
final class DataGenerator {
    /** How many records of each entity set to generate. */
    record Counts(int vendors, int items, int fixedAssets, int purchaseOrders) {
    }

    private static final String[][] CRONUS_ITEMS = {
            {"1896-S", "ATHENS Desk", "DESK", "FURNITURE", "PCS", "506.6"},
            {"1900-S", "PARIS Guest Chair, black", "CHAIR", "FURNITURE", "PCS", "125.1"},
            {"1906-S", "ATHENS Mobile Pedestal", "DESK", "FURNITURE", "PCS", "281.4"},
            {"1908-S", "LONDON Swivel Chair, blue", "CHAIR", "FURNITURE", "PCS", "123.3"},
            {"1920-S", "ANTWERP Conference Table", "TABLE", "FURNITURE", "PCS", "420.4"},
            {"1928-S", "AMSTERDAM Lamp", "MISC", "FURNITURE", "PCS", "35.6"},
            {"1936-S", "BERLIN Guest Chair, yellow", "CHAIR", "FURNITURE", "PCS", "125.1"},
            {"1953-W", "GUILDFORD Conference Table", "TABLE", "FURNITURE", "PCS", "231.5"},
            {"1960-S", "ROME Guest Chair, green", "CHAIR", "FURNITURE", "PCS", "125.1"},
            {"1964-S", "TOKYO Guest Chair, blue", "CHAIR", "FURNITURE", "PCS", "125.1"},
            {"1968-S", "MEXICO Swivel Chair, black", "CHAIR", "FURNITURE", "PCS", "123.3"},
            {"1972-S", "MUNICH Swivel Chair, yellow", "CHAIR", "FURNITURE", "PCS", "123.3"},
            {"1980-S", "MOSCOW Swivel Chair, red", "CHAIR", "FURNITURE", "PCS", "123.3"},
            {"1988-S", "SEOUL Guest Chair, red", "CHAIR", "FURNITURE", "PCS", "125.1"},
            {"1996-S", "ATLANTA Whiteboard, base", "MISC", "FURNITURE", "PCS", "1397.3"},
            {"2000-S", "SYDNEY Swivel Chair, green", "CHAIR", "FURNITURE", "PCS", "123.3"},
    };
    private static final String[][] PARTS = {
            {"Deep groove ball bearing", "6205-2RS", "BEARINGS", "PCS", "8.4"},
            {"Tapered roller bearing", "30207", "BEARINGS", "PCS", "21.9"},
            {"Mechanical seal", "40 mm", "SEALS", "PCS", "245.75"},
            {"Hydraulic hose assembly", "1/2 in x 36 in", "HYDRAULICS", "PCS", "64.2"},
            {"Hydraulic oil ISO VG 46", "20 L", "LUBRICANTS", "PAIL", "96.5"},
            {"V-belt", "A42", "BELTS", "PCS", "12.3"},
            {"Timing belt", "HTD 8M-1200", "BELTS", "PCS", "78"},
            {"Filter cartridge", "10 micron", "FILTERS", "PCS", "18.75"},
            {"Air filter element", "P181052", "FILTERS", "PCS", "42.1"},
            {"Proximity sensor", "M18 PNP", "ELECTRICAL", "PCS", "54.9"},
            {"Contactor", "3P 32 A 24 VDC", "ELECTRICAL", "PCS", "88.4"},
            {"Motor", "7.5 kW 4-pole IE3", "MOTORS", "PCS", "1240"},
            {"Gear coupling", "size 3", "DRIVES", "PCS", "310.5"},
            {"Roller chain", "ANSI 60 10 ft", "DRIVES", "BOX", "96"},
            {"Grease cartridge", "NLGI 2 400 g", "LUBRICANTS", "BOX", "47.6"},
            {"Safety gloves", "cut level 5", "SAFETY", "PACK", "29.9"},
            {"Hex bolt", "M12 x 40 8.8", "FASTENERS", "BOX", "15.2"},
            {"Pneumatic cylinder", "50 x 200", "PNEUMATICS", "PCS", "168"},
            {"Solenoid valve", "5/2 24 VDC", "PNEUMATICS", "PCS", "73.45"},
            {"Pump impeller", "bronze 180 mm", "PUMPS", "PCS", "412"},
    };
    private static final String[] VENDOR_FIRST = {"Fabrikam", "Contoso", "Northwind", "Adatum", "Litware", "Proseware",
            "Trey", "Tailspin", "Wingtip", "Lucerne", "Alpine", "Coho", "Fourth Coffee", "Great Lakes", "Midwest",
            "Blue Yonder", "Woodgrove", "Humongous", "Margie's", "Southridge"};
    private static final String[] VENDOR_TRADE = {"Industrial Supply", "Bearing & Seal", "Hydraulics", "Electric",
            "Fasteners", "Pump Services", "Motion Control", "Safety Products", "Lubricants", "Machine Works",
            "Office Furniture", "Conveyor Systems", "Tool & Die", "Fluid Power", "Controls"};
    private static final String[] VENDOR_FORM = {", Inc.", " LLC", " Corporation", " Co.", " Ltd."};
    private static final String[][] PLACES = {
            {"Atlanta", "GA", "31772"}, {"Chicago", "IL", "61236"}, {"Miami", "FL", "37125"},
            {"Seattle", "WA", "98101"}, {"Houston", "TX", "77002"}, {"Denver", "CO", "80202"},
            {"Detroit", "MI", "48226"}, {"Columbus", "OH", "43215"}, {"Phoenix", "AZ", "85003"},
            {"Portland", "OR", "97204"}, {"Milwaukee", "WI", "53202"}, {"Pittsburgh", "PA", "15222"},
    };
    private static final String[] STREETS = {"Main Street", "Industrial Parkway", "Commerce Drive", "Harbor Road",
            "Mill Road", "Factory Lane", "Oak Avenue", "Lakeshore Boulevard", "Depot Street", "Foundry Way"};
    private static final String[][] ASSETS = {
            {"Forklift", "Toyota 8FGU25", "VEHICLES"}, {"Air compressor", "Atlas Copco GA 30", "MACHINERY"},
            {"CNC lathe", "Haas ST-20", "MACHINERY"}, {"Conveyor line", "belt 800 mm", "EQUIPMENT"},
            {"Delivery van", "Ford Transit 350", "VEHICLES"}, {"Hydraulic press", "100 t", "MACHINERY"},
            {"Boiler", "Cleaver-Brooks CBEX 200", "EQUIPMENT"}, {"Welding robot", "FANUC ARC Mate 100iD", "MACHINERY"},
            {"Packaging machine", "shrink wrapper", "EQUIPMENT"}, {"Cooling tower", "BAC Series 3000", "BUILDING"},
            {"Laptop", "Surface Laptop 5", "COMPUTER"}, {"Server rack", "42U", "COMPUTER"},
    };
    private static final String[] LOCATIONS = {"MAIN", "BRANCH", "WAREHOUSE", "PLANT1", "PLANT2"};
    private static final String[] EMPLOYEES = {"EH", "JR", "OF", "AH", "MH", "PS"};
    private static final String[] PURCHASERS = {"JR", "AH", "PS", "RB", "MH", ""};
    private static final String[] FOREIGN = {"CAD", "EUR", "GBP", "MXN"};

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(inc|llc|corporation|co|ltd)$");

    private final Random random;
    private final long nowMillis;
    private final long historyMillis;

    DataGenerator(long seed, long nowMillis, int historyDays) {
        this.random = new Random(seed);
        this.nowMillis = nowMillis;
        this.historyMillis = historyDays * 86_400_000L;
    }

    /** A random (version 4) GUID from the seeded sequence. */
    UUID guid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    void populate(CompanyData company, Counts counts) {
        if (counts.purchaseOrders() > 0 && (counts.vendors() == 0 || counts.items() == 0)) {
            throw new IllegalArgumentException("purchase orders need at least one vendor and one item");
        }
        company.load(Schemas.VENDOR, vendors(company, counts.vendors()));
        company.load(Schemas.ITEM, items(company, counts.items()));
        company.load(Schemas.FIXED_ASSET, fixedAssets(company, counts.fixedAssets()));
        company.load(Schemas.PURCHASE_ORDER, purchaseOrders(company, counts.purchaseOrders()));
    }

    private long[] modificationTimes(int count) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(100) < 8) {
                times[i] = times[random.nextInt(i)]; // imported together: the same millisecond
            } else {
                times[i] = nowMillis - 1 - (long) (random.nextDouble() * historyMillis);
            }
        }
        return times;
    }

    private List<RecordDraft> vendors(CompanyData company, int count) {
        long[] times = modificationTimes(count);
        List<RecordDraft> vendors = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            RecordDraft vendor = new RecordDraft(Schemas.VENDOR);
            vendor.id = guid();
            String name = vendorName(i);
            if (!names.add(name)) {
                name = name + " (" + (i + 1) + ")";
            }
            String[] place = pick(PLACES);
            vendor.setText("displayName", name);
            vendor.setText("addressLine1", (100 + random.nextInt(9800)) + " " + pick(STREETS));
            vendor.setText("addressLine2", random.nextInt(4) == 0 ? "Suite " + (100 + random.nextInt(800)) : "");
            vendor.setText("city", place[0]);
            vendor.setText("state", place[1]);
            vendor.setText("country", "US");
            vendor.setText("postalCode", place[2]);
            vendor.setText("phoneNumber", "+1 " + (200 + random.nextInt(700)) + "-555-0" + (100 + random.nextInt(900)));
            String domain = LEGAL_FORM.matcher(NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT))
                    .replaceAll("")).replaceAll("");
            vendor.setText("email", "purchasing@" + domain + ".com");
            vendor.setText("website", "www." + domain + ".com");
            vendor.setText("taxRegistrationNumber", (10 + random.nextInt(89)) + "-" + (1000000 + random.nextInt(8999999)));
            vendor.setText("currencyCode", random.nextInt(10) == 0 ? pick(FOREIGN) : "");
            vendor.setGuid("paymentTermsId", ReferenceData.idOf("paymentTerms", random.nextBoolean() ? "30 DAYS"
                    : "14 DAYS"));
            vendor.setGuid("paymentMethodId", ReferenceData.idOf("paymentMethod", "CHECK"));
            vendor.setFlag("taxLiable", random.nextBoolean());
            int blocked = random.nextInt(20);
            vendor.setText("blocked", blocked == 0 ? "All" : blocked == 1 ? "Payment" : Schemas.BLOCKED_NONE);
            vendor.setDecimal("balance", BigDecimal.valueOf(random.nextInt(5_000_000), 2));
            company.rules().complete(vendor, true, Set.of("currencyCode"), company.today());
            vendor.modifiedMillis = times[i];
            vendors.add(vendor);
        }
        return vendors;
    }

    private String vendorName(int index) {
        if (index < 5) {
            return new String[] {"Fabrikam, Inc.", "First Up Consultants", "Graphic Design Institute",
                    "Wide World Importers", "Nod Publishers"}[index];
        }
        return pick(VENDOR_FIRST) + " " + pick(VENDOR_TRADE) + pick(VENDOR_FORM);
    }

    private List<RecordDraft> items(CompanyData company, int count) {
        long[] times = modificationTimes(count);
        List<RecordDraft> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RecordDraft item = new RecordDraft(Schemas.ITEM);
            item.id = guid();
            String category;
            String taxGroup;
            String unit;
            BigDecimal cost;
            if (i < CRONUS_ITEMS.length) {
                String[] cronus = CRONUS_ITEMS[i];
                item.setText("number", cronus[0]);
                item.setText("displayName", cronus[1]);
                category = cronus[2];
                taxGroup = cronus[3];
                unit = cronus[4];
                cost = new BigDecimal(cronus[5]);
            } else {
                String[] part = PARTS[(i - CRONUS_ITEMS.length) % PARTS.length];
                int variant = (i - CRONUS_ITEMS.length) / PARTS.length;
                item.setText("displayName", part[0] + " " + part[1] + (variant == 0 ? "" : " (" + (variant + 1) + ")"));
                category = part[2];
                taxGroup = "MATERIALS";
                unit = part[3];
                cost = new BigDecimal(part[4]);
            }
            item.setText("type", random.nextInt(15) == 0 ? "Non-Inventory" : "Inventory");
            item.setText("itemCategoryCode", category);
            item.setFlag("blocked", random.nextInt(40) == 0);
            item.setText("gtin", random.nextInt(3) == 0 ? "" : Long.toString(70_000_000_000L + random.nextInt(999_999_999)));
            item.setDecimal("inventory", BigDecimal.valueOf(random.nextInt(400)));
            item.setDecimal("unitCost", cost);
            item.setDecimal("unitPrice", cost.multiply(new BigDecimal("1.35")).setScale(2, RoundingMode.HALF_UP));
            item.setFlag("priceIncludesTax", false);
            item.setText("taxGroupCode", taxGroup);
            item.setText("baseUnitOfMeasureCode", unit);
            item.setText("generalProductPostingGroupCode", "RETAIL");
            item.setText("inventoryPostingGroupCode", "RESALE");
            company.rules().complete(item, true, Set.of(), company.today());
            item.modifiedMillis = times[i];
            items.add(item);
        }
        return items;
    }

    private List<RecordDraft> fixedAssets(CompanyData company, int count) {
        long[] times = modificationTimes(count);
        List<RecordDraft> assets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RecordDraft asset = new RecordDraft(Schemas.FIXED_ASSET);
            asset.id = guid();
            String[] kind = pick(ASSETS);
            asset.setText("displayName", kind[0] + " " + kind[1] + " #" + (1 + random.nextInt(12)));
            asset.setText("fixedAssetLocationCode", pick(LOCATIONS));
            asset.setText("classCode", "TANGIBLE");
            asset.setText("subclassCode", kind[2]);
            int state = random.nextInt(20);
            asset.setFlag("blocked", state == 0);
            asset.setFlag("underMaintenance", state == 1 || state == 2);
            asset.setText("serialNumber", Long.toHexString(random.nextLong()).toUpperCase(Locale.ROOT)
                    .substring(0, 10));
            asset.setText("employeeNumber", pick(EMPLOYEES));
            LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
            asset.setDate("acquisitionDate", today.minusDays(30 + random.nextInt(3650)));
            asset.setDecimal("acquisitionCost", BigDecimal.valueOf(1_000_00L + random.nextInt(25_000_000), 2));
            company.rules().complete(asset, true, Set.of(), company.today());
            asset.modifiedMillis = times[i];
            assets.add(asset);
        }
        return assets;
    }

    private List<RecordDraft> purchaseOrders(CompanyData company, int count) {
        List<BcRecord> vendors = company.all(Schemas.VENDOR);
        List<BcRecord> items = company.all(Schemas.ITEM);
        long[] times = modificationTimes(count);
        List<RecordDraft> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RecordDraft order = new RecordDraft(Schemas.PURCHASE_ORDER);
            order.id = guid();
            BcRecord vendor = vendors.get(random.nextInt(vendors.size()));
            LocalDate modifiedDay = LocalDate.ofInstant(Instant.ofEpochMilli(times[i]), ZoneOffset.UTC);
            LocalDate orderDate = modifiedDay.minusDays(random.nextInt(10));
            order.setGuid("vendorId", vendor.id);
            order.setDate("orderDate", orderDate);
            order.setDate("postingDate", orderDate);
            order.setDate("requestedReceiptDate", orderDate.plusDays(7 + random.nextInt(28)));
            order.setText("purchaser", pick(PURCHASERS));
            company.rules().complete(order, true, Set.of("vendorId", "orderDate", "postingDate"), company.today());
            int statusDraw = random.nextInt(10);
            String status = statusDraw < 6 ? Schemas.STATUS_DRAFT : statusDraw < 7 ? Schemas.STATUS_IN_REVIEW
                    : Schemas.STATUS_OPEN;
            boolean fullyReceived = status.equals(Schemas.STATUS_OPEN) && random.nextBoolean();
            int lineCount = 1 + random.nextInt(5);
            for (int l = 0; l < lineCount; l++) {
                BcRecord item = items.get(random.nextInt(items.size()));
                RecordDraft line = new RecordDraft(Schemas.PURCHASE_ORDER_LINE);
                line.id = guid();
                line.setText("lineType", "Item");
                line.setText("lineObjectNumber", item.text("number"));
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(50));
                line.setDecimal("quantity", quantity);
                if (status.equals(Schemas.STATUS_OPEN)) {
                    BigDecimal received = fullyReceived ? quantity
                            : BigDecimal.valueOf(random.nextInt(quantity.intValue() + 1));
                    line.setDecimal("receivedQuantity", received);
                }
                company.rules().completeLine(order, line, null, true, Set.of("lineType", "lineObjectNumber",
                        "quantity"), false);
                order.lines.add(line);
            }
            company.rules().totals(order);
            order.setText("status", status);
            order.modifiedMillis = times[i];
            orders.add(order);
        }
        return orders;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
