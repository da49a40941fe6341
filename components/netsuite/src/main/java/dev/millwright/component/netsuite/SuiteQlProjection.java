package dev.millwright.component.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the SuiteQL rows of a record type become records in the record API's shape, so that a record reads the
 * same (and maps through the same mapping file) whichever way it was read: the SuiteQL table and type filter of
 * the record type, the columns to select (date-times through TO_CHAR, since SuiteQL renders them as bare dates
 * otherwise; references and statuses with their BUILTIN.DF display names), and the record API field each column
 * fills. Transactions take their main line's fields (subsidiary, location, a work order's assembly and quantity)
 * and their item lines from {@code transactionline}; vendors their default address from {@code entityaddress}.
 * A record type without a known projection reads {@code <table>.*} and keeps the columns under their SuiteQL
 * names, with the modified time under the modified field.
 */
final class SuiteQlProjection {

    /** How a column's text becomes a record API value. */
    enum Kind { TEXT, NUMBER, INTEGER, BOOLEAN, DATE, DATETIME, REF, STATUS }

    /** A column and the record API field it fills. */
    record Column(String column, String field, Kind kind) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String recordType;
    final String table;
    private final String typeFilter;
    final String modifiedColumn;
    private final String modifiedField;
    private final List<Column> columns;
    private final List<Column> mainLine;
    private final List<Column> itemLines;
    private final List<Column> address;
    private final List<String> extraColumns;
    private final boolean generic;

    private SuiteQlProjection(String recordType, String table, String typeFilter, String modifiedField,
                              List<Column> columns, List<Column> mainLine, List<Column> itemLines,
                              List<Column> address, List<String> extraColumns, boolean generic) {
        this.recordType = recordType;
        this.table = table;
        this.typeFilter = typeFilter;
        this.modifiedField = modifiedField;
        this.modifiedColumn = modifiedField.toLowerCase(Locale.ROOT);
        this.columns = columns;
        this.mainLine = mainLine;
        this.itemLines = itemLines;
        this.address = address;
        Set<String> known = new LinkedHashSet<>();
        columns.forEach(c -> known.add(c.column()));
        List<String> extras = new ArrayList<>();
        for (String extra : extraColumns) {
            if (!known.contains(extra)) {
                extras.add(extra);
            }
        }
        this.extraColumns = extras;
        this.generic = generic;
    }

    private static Column c(String column, String field, Kind kind) {
        return new Column(column, field, kind);
    }

    /** The projection of a record type. */
    static SuiteQlProjection of(String recordType, String modifiedField, List<String> extraColumns) {
        String lower = recordType.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "purchaseorder" -> new SuiteQlProjection(recordType, "transaction", "type = 'PurchOrd'", modifiedField,
                    List.of(c("id", "id", Kind.TEXT), c("tranid", "tranId", Kind.TEXT),
                            c("trandate", "tranDate", Kind.DATE), c("entity", "entity", Kind.REF),
                            c("currency", "currency", Kind.REF), c("employee", "employee", Kind.REF),
                            c("memo", "memo", Kind.TEXT), c("duedate", "dueDate", Kind.DATE),
                            c("status", "orderStatus", Kind.STATUS), c("foreigntotal", "total", Kind.NUMBER),
                            c("createddate", "createdDate", Kind.DATETIME),
                            c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME)),
                    List.of(c("subsidiary", "subsidiary", Kind.REF), c("location", "location", Kind.REF)),
                    List.of(c("linesequencenumber", "line", Kind.INTEGER), c("item", "item", Kind.REF),
                            c("memo", "description", Kind.TEXT), c("quantity", "quantity", Kind.NUMBER),
                            c("units", "units", Kind.REF), c("rate", "rate", Kind.NUMBER),
                            c("netamount", "amount", Kind.NUMBER),
                            c("expectedreceiptdate", "expectedReceiptDate", Kind.DATE),
                            c("quantityshiprecv", "quantityReceived", Kind.NUMBER),
                            c("quantitybilled", "quantityBilled", Kind.NUMBER), c("isclosed", "isClosed", Kind.BOOLEAN)),
                    List.of(), extraColumns, false);
            case "workorder" -> new SuiteQlProjection(recordType, "transaction", "type = 'WorkOrd'", modifiedField,
                    List.of(c("id", "id", Kind.TEXT), c("tranid", "tranId", Kind.TEXT),
                            c("trandate", "tranDate", Kind.DATE), c("status", "orderStatus", Kind.STATUS),
                            c("startdate", "startDate", Kind.DATE), c("enddate", "endDate", Kind.DATE),
                            c("memo", "memo", Kind.TEXT), c("createddate", "createdDate", Kind.DATETIME),
                            c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME)),
                    List.of(c("subsidiary", "subsidiary", Kind.REF), c("location", "location", Kind.REF),
                            c("item", "assemblyItem", Kind.REF), c("quantity", "quantity", Kind.NUMBER)),
                    List.of(c("linesequencenumber", "line", Kind.INTEGER), c("item", "item", Kind.REF),
                            c("memo", "description", Kind.TEXT), c("quantity", "quantity", Kind.NUMBER),
                            c("units", "units", Kind.REF)),
                    List.of(), extraColumns, false);
            case "vendor" -> new SuiteQlProjection(recordType, "vendor", null, modifiedField,
                    List.of(c("id", "id", Kind.TEXT), c("entityid", "entityId", Kind.TEXT),
                            c("companyname", "companyName", Kind.TEXT), c("isinactive", "isInactive", Kind.BOOLEAN),
                            c("email", "email", Kind.TEXT), c("phone", "phone", Kind.TEXT),
                            c("currency", "currency", Kind.REF), c("subsidiary", "subsidiary", Kind.REF),
                            c("taxidnum", "taxIdNum", Kind.TEXT), c("datecreated", "dateCreated", Kind.DATETIME),
                            c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME),
                            c("defaultbillingaddress", null, Kind.TEXT)),
                    List.of(), List.of(),
                    List.of(c("addr1", "addr1", Kind.TEXT), c("addr2", "addr2", Kind.TEXT),
                            c("city", "city", Kind.TEXT), c("state", "state", Kind.TEXT), c("zip", "zip", Kind.TEXT),
                            c("country", "country", Kind.TEXT)),
                    extraColumns, false);
            case "inventoryitem" -> new SuiteQlProjection(recordType, "item", "itemtype = 'InvtPart'", modifiedField,
                    List.of(c("id", "id", Kind.TEXT), c("itemid", "itemId", Kind.TEXT),
                            c("displayname", "displayName", Kind.TEXT),
                            c("purchasedescription", "purchaseDescription", Kind.TEXT),
                            c("isinactive", "isInactive", Kind.BOOLEAN), c("subsidiary", "subsidiary", Kind.REF),
                            c("location", "location", Kind.REF), c("stockunit", "stockUnit", Kind.REF),
                            c("cost", "cost", Kind.NUMBER), c("averagecost", "averageCost", Kind.NUMBER),
                            c("reorderpoint", "reorderPoint", Kind.NUMBER),
                            c("totalquantityonhand", "quantityOnHand", Kind.NUMBER),
                            c("quantityavailable", "quantityAvailable", Kind.NUMBER),
                            c("createddate", "createdDate", Kind.DATETIME),
                            c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME)),
                    List.of(), List.of(), List.of(), extraColumns, false);
            case NetSuiteRecordTypes.FAM_ASSET -> new SuiteQlProjection(recordType, lower, null, modifiedField,
                    List.of(c("id", "id", Kind.TEXT), c("name", "name", Kind.TEXT), c("altname", "altName", Kind.TEXT),
                            c("isinactive", "isInactive", Kind.BOOLEAN),
                            c("custrecord_assetdescr", "custrecord_assetdescr", Kind.TEXT),
                            c("custrecord_assettype", "custrecord_assettype", Kind.REF),
                            c("custrecord_assetstatus", "custrecord_assetstatus", Kind.REF),
                            c("custrecord_assetserialno", "custrecord_assetserialno", Kind.TEXT),
                            c("custrecord_assetsupplier", "custrecord_assetsupplier", Kind.TEXT),
                            c("custrecord_assetlocation", "custrecord_assetlocation", Kind.REF),
                            c("custrecord_assetsubsidiary", "custrecord_assetsubsidiary", Kind.REF),
                            c("custrecord_componentof", "custrecord_componentof", Kind.REF),
                            c("custrecord_assetcost", "custrecord_assetcost", Kind.NUMBER),
                            c("custrecord_assetpurchasedate", "custrecord_assetpurchasedate", Kind.DATE),
                            c("custrecord_assetdeprstartdate", "custrecord_assetdeprstartdate", Kind.DATE),
                            c("created", "created", Kind.DATETIME),
                            c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME)),
                    List.of(), List.of(), List.of(), extraColumns, false);
            default -> new SuiteQlProjection(recordType, lower, null, modifiedField,
                    List.of(c(modifiedField.toLowerCase(Locale.ROOT), modifiedField, Kind.DATETIME)),
                    List.of(), List.of(), List.of(), extraColumns, true);
        };
    }

    boolean hasLines() {
        return !itemLines.isEmpty();
    }

    boolean hasAddress() {
        return !address.isEmpty();
    }

    // ---- queries ----

    /** The changes at or after a local timestamp of the user's zone, oldest first. */
    String changesSince(String fromLocal, String where) {
        return query(modifiedColumn + " >= " + timestamp(fromLocal), where);
    }

    /** The changes after the row at (local timestamp, id): the keyset continuation past a query's result cap. */
    String changesAfter(String lastLocal, String lastId, String where) {
        return query("(" + modifiedColumn + " > " + timestamp(lastLocal) + " OR (" + modifiedColumn + " = "
                + timestamp(lastLocal) + " AND id > " + lastId + "))", where);
    }

    /** A SuiteQL date-time literal; the text is a local timestamp we formatted or NetSuite gave, never user input. */
    private static String timestamp(String local) {
        if (!NetSuiteDates.isSuiteQlTimestamp(local)) {
            throw new IllegalArgumentException("'" + local + "' is not a timestamp of the form 2024-01-15 10:30:00");
        }
        return "TO_TIMESTAMP('" + local + "', '" + NetSuiteDates.TIMESTAMP_MODEL + "')";
    }

    private String query(String condition, String where) {
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(table)
                .append(" WHERE ");
        if (typeFilter != null) {
            sql.append(typeFilter).append(" AND ");
        }
        sql.append(condition);
        if (where != null && !where.isBlank()) {
            sql.append(" AND (").append(where.trim()).append(')');
        }
        return sql.append(" ORDER BY ").append(modifiedColumn).append(", id").toString();
    }

    private String selectList() {
        List<String> items = new ArrayList<>();
        if (generic) {
            items.add(table + ".*");
        }
        for (Column column : columns) {
            items.addAll(select(column));
        }
        items.addAll(extraColumns);
        return String.join(", ", items);
    }

    /** The item lines (and main line) of some transactions, in transaction and line order. */
    String linesQuery(Collection<String> transactionIds) {
        List<String> items = new ArrayList<>(List.of("transaction", "mainline"));
        Set<String> seen = new LinkedHashSet<>(items);
        for (Column column : concat(mainLine, itemLines)) {
            if (seen.add(column.column())) {
                items.addAll(select(column));
            }
        }
        return "SELECT " + String.join(", ", items) + " FROM transactionline WHERE transaction IN ("
                + String.join(", ", transactionIds) + ") AND taxline = 'F' ORDER BY transaction, linesequencenumber";
    }

    /** The default addresses with these entityaddress keys. */
    String addressQuery(Collection<String> keys) {
        List<String> items = new ArrayList<>(List.of("nkey"));
        address.forEach(column -> items.add(column.column()));
        return "SELECT " + String.join(", ", items) + " FROM entityaddress WHERE nkey IN (" + String.join(", ", keys)
                + ")";
    }

    private static List<String> select(Column column) {
        return switch (column.kind()) {
            case DATE -> List.of("TO_CHAR(" + column.column() + ", '" + NetSuiteDates.DATE_MODEL + "') AS "
                    + column.column() + "_d");
            case DATETIME -> List.of("TO_CHAR(" + column.column() + ", '" + NetSuiteDates.TIMESTAMP_MODEL + "') AS "
                    + column.column() + "_ts");
            case REF, STATUS -> List.of(column.column(), "BUILTIN.DF(" + column.column() + ") AS " + column.column()
                    + "_name");
            default -> List.of(column.column());
        };
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- rows to records ----

    /** The local timestamp text of a header row's modified time, for a keyset continuation. */
    String modifiedText(JsonNode row) {
        return row.path(modifiedColumn + "_ts").asText(null);
    }

    /** The entityaddress key of a vendor row, or null. */
    static String addressKey(JsonNode row) {
        return row.path("defaultbillingaddress").asText(null);
    }

    /** A header row as a record of the record API's shape; a value that does not read as its kind is kept as text. */
    ObjectNode record(JsonNode row, NetSuiteDates dates, String baseUrl) {
        ObjectNode record = JSON.objectNode();
        String id = row.path("id").asText();
        record.putArray("links").addObject().put("rel", "self")
                .put("href", baseUrl + "/services/rest/record/v1/" + recordType + "/" + id);
        if (generic) {
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("links") && !field.getKey().endsWith("_ts")) {
                    record.set(field.getKey(), field.getValue());
                }
            }
        }
        for (Column column : columns) {
            if (column.field() != null) {
                put(record, column, row, dates);
            }
        }
        for (String extra : extraColumns) {
            JsonNode value = row.get(extra);
            if (value != null && !value.isNull()) {
                record.set(extra, value);
            }
        }
        return record;
    }

    /** Adds a transactionline row to its transaction: the main line's fields, or an item line. */
    void addLine(ObjectNode transaction, JsonNode row, NetSuiteDates dates) {
        if (row.path("mainline").asText().equals("T")) {
            for (Column column : mainLine) {
                put(transaction, column, row, dates);
            }
            return;
        }
        ObjectNode sublist = transaction.has("item") ? (ObjectNode) transaction.get("item")
                : transaction.putObject("item");
        ArrayNode items = sublist.has("items") ? (ArrayNode) sublist.get("items") : sublist.putArray("items");
        ObjectNode line = items.addObject();
        for (Column column : itemLines) {
            put(line, column, row, dates);
        }
    }

    /** Gives a transaction without item lines an empty item sublist, as the record API shows one. */
    void completeLines(ObjectNode transaction) {
        ObjectNode sublist = transaction.has("item") ? (ObjectNode) transaction.get("item")
                : transaction.putObject("item");
        if (!sublist.has("items")) {
            sublist.putArray("items");
        }
    }

    /** Sets a vendor's default address from an entityaddress row, as the record API's address book shows it. */
    void addAddress(ObjectNode vendor, JsonNode row, NetSuiteDates dates) {
        ObjectNode entry = vendor.putObject("addressBook").putArray("items").addObject();
        ObjectNode address = entry.putObject("addressBookAddress");
        for (Column column : this.address) {
            JsonNode value = row.get(column.column());
            if (value == null || value.isNull()) {
                continue;
            }
            if (column.field().equals("country")) {
                address.putObject("country").put("id", value.asText());
            } else {
                address.put(column.field(), value.asText());
            }
        }
        entry.put("defaultBilling", true);
        entry.put("defaultShipping", true);
    }

    private static void put(ObjectNode target, Column column, JsonNode row, NetSuiteDates dates) {
        String name = switch (column.kind()) {
            case DATE -> column.column() + "_d";
            case DATETIME -> column.column() + "_ts";
            default -> column.column();
        };
        JsonNode value = row.get(name);
        if (value == null || value.isNull()) {
            return;
        }
        String text = value.asText();
        try {
            putConverted(target, column, row, text, dates);
        } catch (RuntimeException unreadable) {
            // keep what NetSuite sent: the mapping reports the record it cannot read, the other records go on
            target.put(column.field(), text);
        }
    }

    private static void putConverted(ObjectNode target, Column column, JsonNode row, String text,
                                     NetSuiteDates dates) {
        switch (column.kind()) {
            case TEXT, DATE -> target.put(column.field(), text);
            case NUMBER -> target.put(column.field(), new BigDecimal(text));
            case INTEGER -> target.put(column.field(), Long.parseLong(text));
            case BOOLEAN -> target.put(column.field(), text.equals("T") || text.equalsIgnoreCase("true"));
            case DATETIME -> target.put(column.field(), dates.fromSuiteQl(text).toString());
            case REF, STATUS -> {
                ObjectNode reference = target.putObject(column.field());
                reference.put("id", text);
                JsonNode display = row.get(column.column() + "_name");
                if (display != null && !display.isNull()) {
                    String refName = display.asText();
                    // BUILTIN.DF of a status reads "Purchase Order : Pending Receipt", the record API "Pending Receipt"
                    int separator = refName.indexOf(" : ");
                    reference.put("refName", column.kind() == Kind.STATUS && separator >= 0
                            ? refName.substring(separator + 3) : refName);
                }
            }
        }
    }
}
