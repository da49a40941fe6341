package dev.millwright.simulators.netsuite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies a record API body to a record, as NetSuite validates it: unknown and read-only fields, value types,
 * references that must exist, required fields, the {@code item} sublist (replaced with {@code ?replace=item},
 * otherwise merged line by line on {@code line}), the vendor's {@code addressBook}, defaults (a purchase order
 * takes its vendor's currency and subsidiary, a line its item's cost and unit), computed amounts and totals, and
 * the stamps. The simulator's own data access ({@code system}) may set read-only fields and any status.
 */
final class RecordEditor {

    private static final String SUBLIST = "item";
    private static final String ADDRESS_BOOK = "addressBook";
    private static final Set<String> PO_CLIENT_STATUSES = Set.of("A", "B");
    private static final Set<String> PO_FINAL_STATUSES = Set.of("C", "G", "H");

    private final AccountData data;

    RecordEditor(AccountData data) {
        this.data = data;
    }

    NsRecord create(RecordTypeDef type, JsonNode body, boolean system) {
        requireObject(body);
        Object[] values = new Object[type.fields.size()];
        List<Object[]> lines = type.hasLines() ? new ArrayList<>() : null;
        long id = body.hasNonNull("id") && system ? body.get("id").asLong() : data.nextId(type);
        apply(type, values, lines, null, body, true, Set.of(SUBLIST, ADDRESS_BOOK), system);
        defaults(type, values);
        validateCreate(type, values, lines);
        stamp(type, values, lines, true, system && body.hasNonNull(type.modifiedField));
        return new NsRecord(type, id, values, lines == null ? null : lines.toArray(new Object[0][]));
    }

    NsRecord update(NsRecord current, JsonNode body, Set<String> replace, boolean system) {
        requireObject(body);
        RecordTypeDef type = current.type;
        if (!system) {
            refuseFinal(current);
        }
        Object[] values = current.values.clone();
        List<Object[]> lines = new ArrayList<>(Arrays.asList(current.lines));
        apply(type, values, lines, current, body, false, replace, system);
        requireFields(type, values, lines);
        stamp(type, values, lines, false, system && body.hasNonNull(type.modifiedField));
        return new NsRecord(type, current.id, values, type.hasLines() ? lines.toArray(new Object[0][]) : null);
    }

    // ---- applying fields ----

    private void apply(RecordTypeDef type, Object[] values, List<Object[]> lines, NsRecord current, JsonNode body,
                       boolean create, Set<String> replace, boolean system) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("links") || name.equals("id")) {
                continue;
            }
            if (name.equalsIgnoreCase(SUBLIST) && type.hasLines()) {
                applyLines(type, lines, value, create || replace.contains(SUBLIST), system);
                continue;
            }
            if (name.equalsIgnoreCase(ADDRESS_BOOK) && type.hasAddress()) {
                applyAddress(type, values, value, system);
                continue;
            }
            FieldDef field = type.field(name);
            if (field == null || field.placement() == FieldDef.Placement.ADDRESS) {
                throw NetSuiteErrors.invalidContent(name, "The field '" + name + "' does not exist on record type '"
                        + type.name + "'.");
            }
            if (!field.writable() && !system) {
                throw NetSuiteErrors.invalidContent(name, "The field '" + name + "' is read-only.");
            }
            Object converted = convert(field, value, name, system);
            if (field.kind() == FieldKind.STATUS && !system) {
                checkClientStatus(type, current, (String) converted, name);
            }
            values[type.index(field.rest())] = converted;
        }
    }

    private void applyLines(RecordTypeDef type, List<Object[]> lines, JsonNode sublist, boolean replace,
                            boolean system) {
        JsonNode items = sublist == null ? null : sublist.get("items");
        if (items == null || !items.isArray()) {
            throw NetSuiteErrors.invalidContent(SUBLIST, "The sublist 'item' must be an object with an 'items'"
                    + " array.");
        }
        if (replace) {
            lines.clear();
        }
        int lineIndex = type.lineIndex("line");
        for (int i = 0; i < items.size(); i++) {
            JsonNode line = items.get(i);
            String path = SUBLIST + ".items[" + i + "]";
            requireObject(line, path);
            Object[] target = null;
            if (!replace && line.hasNonNull("line")) {
                long number = line.get("line").asLong();
                for (int j = 0; j < lines.size(); j++) {
                    if (Long.valueOf(number).equals(lines.get(j)[lineIndex])) {
                        target = lines.get(j).clone();
                        lines.set(j, target);
                        break;
                    }
                }
                if (target == null) {
                    throw NetSuiteErrors.invalidContent(path + ".line", "The line " + number + " does not exist.");
                }
            }
            if (target == null) {
                target = new Object[type.lineFields.size()];
                lines.add(target);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                if (name.equals("links") || (name.equals("line") && !system)) {
                    continue;
                }
                int index = type.lineIndex(name);
                if (index < 0) {
                    throw NetSuiteErrors.invalidContent(path + "." + name, "The field '" + name + "' does not exist"
                            + " on the sublist 'item'.");
                }
                FieldDef field = type.lineFields.get(index);
                if (!field.writable() && !system) {
                    throw NetSuiteErrors.invalidContent(path + "." + name, "The field '" + name + "' is read-only.");
                }
                target[index] = convert(field, entry.getValue(), path + "." + name, system);
            }
            lineDefaults(type, target, path);
        }
        long last = lines.stream().filter(l -> l[lineIndex] != null).mapToLong(l -> (Long) l[lineIndex]).max()
                .orElse(0);
        for (Object[] line : lines) {
            if (line[lineIndex] == null) {
                line[lineIndex] = ++last;
            }
        }
    }

    private void lineDefaults(RecordTypeDef type, Object[] line, String path) {
        int item = type.lineIndex("item");
        int quantity = type.lineIndex("quantity");
        if (line[item] == null) {
            throw NetSuiteErrors.userError(path + ".item", "Please enter value(s) for: Item");
        }
        if (line[quantity] == null || ((BigDecimal) line[quantity]).signum() <= 0) {
            throw NetSuiteErrors.userError(path + ".quantity", "Please enter a quantity greater than 0 for line item"
                    + " " + data.refName(RecordTypes.INVENTORY_ITEM, (Long) line[item]) + ".");
        }
        NsRecord itemRecord = data.store(RecordTypes.INVENTORY_ITEM).get((Long) line[item]);
        int units = type.lineIndex("units");
        if (units >= 0 && line[units] == null && itemRecord != null) {
            line[units] = itemRecord.value("stockUnit");
        }
        int rate = type.lineIndex("rate");
        if (rate >= 0) {
            if (line[rate] == null && itemRecord != null) {
                line[rate] = itemRecord.value("cost");
            }
            BigDecimal price = line[rate] == null ? BigDecimal.ZERO : (BigDecimal) line[rate];
            line[type.lineIndex("amount")] = price.multiply((BigDecimal) line[quantity])
                    .setScale(2, RoundingMode.HALF_UP);
        }
        int received = type.lineIndex("quantityReceived");
        if (received >= 0 && line[received] == null) {
            line[received] = BigDecimal.ZERO;
        }
        int billed = type.lineIndex("quantityBilled");
        if (billed >= 0 && line[billed] == null) {
            line[billed] = BigDecimal.ZERO;
        }
        int closed = type.lineIndex("isClosed");
        if (closed >= 0 && line[closed] == null) {
            line[closed] = Boolean.FALSE;
        }
    }

    private void applyAddress(RecordTypeDef type, Object[] values, JsonNode book, boolean system) {
        JsonNode items = book == null ? null : book.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw NetSuiteErrors.invalidContent(ADDRESS_BOOK, "The sublist 'addressBook' must be an object with a"
                    + " non-empty 'items' array.");
        }
        JsonNode address = items.get(0).get("addressBookAddress");
        if (address == null || !address.isObject()) {
            throw NetSuiteErrors.invalidContent(ADDRESS_BOOK + ".items[0].addressBookAddress", "An address book"
                    + " line needs an 'addressBookAddress' object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = address.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = ADDRESS_BOOK + ".items[0].addressBookAddress." + entry.getKey();
            if (entry.getKey().equals("links") || entry.getKey().equals("addrText")) {
                continue;
            }
            FieldDef field = type.field(entry.getKey());
            if (field == null || field.placement() != FieldDef.Placement.ADDRESS) {
                throw NetSuiteErrors.invalidContent(path, "The field '" + entry.getKey() + "' does not exist on an"
                        + " address.");
            }
            JsonNode value = entry.getValue();
            if (field.rest().equals("country") && value != null && value.isObject()) {
                value = value.get("id");
            }
            values[type.index(field.rest())] = convert(field, value, path, system);
        }
    }

    // ---- values ----

    private Object convert(FieldDef field, JsonNode value, String path, boolean system) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return switch (field.kind()) {
                case TEXT -> {
                    if (value.isContainerNode()) {
                        throw wrongType(path, "text");
                    }
                    yield value.asText();
                }
                case INTEGER -> {
                    if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d+"))) {
                        yield value.asLong();
                    }
                    throw wrongType(path, "an integer");
                }
                case DECIMAL -> {
                    if (value.isNumber()) {
                        yield value.decimalValue();
                    }
                    if (value.isTextual()) {
                        yield new BigDecimal(value.asText().trim());
                    }
                    throw wrongType(path, "a number");
                }
                case BOOLEAN -> {
                    if (value.isBoolean()) {
                        yield value.asBoolean();
                    }
                    String text = value.asText();
                    if (text.equals("T") || text.equalsIgnoreCase("true")) {
                        yield Boolean.TRUE;
                    }
                    if (text.equals("F") || text.equalsIgnoreCase("false")) {
                        yield Boolean.FALSE;
                    }
                    throw wrongType(path, "true or false");
                }
                case DATE -> LocalDate.parse(value.asText()).toEpochDay();
                case DATETIME -> parseDateTime(value.asText());
                case REF -> reference(field, value, path, system);
                case STATUS -> {
                    String code = value.isObject() ? value.path("id").asText(null) : (system ? value.asText() : null);
                    if (code == null || RefLists.statusName(field.refList(), code) == null) {
                        throw NetSuiteErrors.invalidContent(path, "Invalid value '" + value + "' for the field '"
                                + field.rest() + "'; valid ids: " + RefLists.statuses(field.refList()).keySet());
                    }
                    yield code;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw NetSuiteErrors.invalidContent(path, "Invalid value '" + value.asText() + "' for the field '"
                    + field.rest() + "'.");
        }
    }

    private static long parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException notOffset) {
            return Instant.parse(text).getEpochSecond();
        }
    }

    private Long reference(FieldDef field, JsonNode value, String path, boolean system) {
        JsonNode key;
        if (value.isObject()) {
            key = value.get("id");
            if (key == null || key.isNull()) {
                throw NetSuiteErrors.invalidContent(path, "A reference needs an 'id'.");
            }
        } else if (system) {
            key = value;
        } else {
            throw NetSuiteErrors.invalidContent(path, "The field '" + field.rest() + "' is a reference: send an"
                    + " object with an 'id'.");
        }
        long id;
        try {
            id = Long.parseLong(key.asText().trim());
        } catch (NumberFormatException e) {
            throw NetSuiteErrors.invalidReference(path, field.rest(), key.asText());
        }
        if (!data.refExists(field.refList(), id)) {
            throw NetSuiteErrors.invalidReference(path, field.rest(), id);
        }
        return id;
    }

    private static NetSuiteException wrongType(String path, String expected) {
        return NetSuiteErrors.invalidContent(path, "The value of '" + path + "' must be " + expected + ".");
    }

    private static void requireObject(JsonNode body) {
        requireObject(body, "");
    }

    private static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw NetSuiteErrors.invalidContent(path.isEmpty() ? null : path, "A JSON object is expected"
                    + (path.isEmpty() ? "" : " at " + path) + ".");
        }
    }

    // ---- rules ----

    private static void checkClientStatus(RecordTypeDef type, NsRecord current, String code, String path) {
        if (!type.name.equals(RecordTypes.PURCHASE_ORDER)) {
            return;
        }
        String before = current == null ? null : (String) current.value("orderStatus");
        if (code.equals(before)) {
            return;
        }
        boolean approving = before == null || before.equals("A");
        if (!PO_CLIENT_STATUSES.contains(code) || !approving) {
            throw NetSuiteErrors.userError(path, "The status of a purchase order follows its approval, receipts and"
                    + " bills; only Pending Supervisor Approval (A) and Pending Receipt (B) can be set, and only"
                    + " before the order is approved.");
        }
    }

    private static void refuseFinal(NsRecord current) {
        Object status = current.value("orderStatus");
        if (status == null) {
            return;
        }
        if (current.type.name.equals(RecordTypes.PURCHASE_ORDER) && PO_FINAL_STATUSES.contains(status.toString())) {
            throw NetSuiteErrors.userError(null, "You cannot edit a purchase order that is "
                    + RefLists.statusName(RefLists.PURCHASE_ORDER_STATUS, status.toString()) + ".");
        }
        if (current.type.name.equals(RecordTypes.WORK_ORDER) && status.equals("H")) {
            throw NetSuiteErrors.userError(null, "You cannot edit a closed work order.");
        }
    }

    private void defaults(RecordTypeDef type, Object[] values) {
        long today = data.dates().epochDayOf(data.now());
        switch (type.name) {
            case RecordTypes.PURCHASE_ORDER -> {
                setIfNull(type, values, "tranDate", today);
                setIfNull(type, values, "orderStatus", "B");
                Object vendorId = values[type.index("entity")];
                NsRecord vendor = vendorId == null ? null : data.store(RecordTypes.VENDOR).get((Long) vendorId);
                if (vendor != null) {
                    setIfNull(type, values, "currency", vendor.value("currency"));
                    setIfNull(type, values, "subsidiary", vendor.value("subsidiary"));
                }
                setIfNull(type, values, "location", 1L);
            }
            case RecordTypes.WORK_ORDER -> {
                setIfNull(type, values, "tranDate", today);
                setIfNull(type, values, "orderStatus", "A");
                setIfNull(type, values, "subsidiary", 2L);
                setIfNull(type, values, "location", 3L);
            }
            case RecordTypes.VENDOR -> {
                setIfNull(type, values, "isInactive", Boolean.FALSE);
                setIfNull(type, values, "currency", 1L);
                setIfNull(type, values, "subsidiary", 2L);
                setIfNull(type, values, "entityId", values[type.index("companyName")]);
            }
            case RecordTypes.INVENTORY_ITEM -> {
                setIfNull(type, values, "isInactive", Boolean.FALSE);
                setIfNull(type, values, "subsidiary", 2L);
                setIfNull(type, values, "stockUnit", 1L);
                setIfNull(type, values, "quantityOnHand", BigDecimal.ZERO);
                setIfNull(type, values, "quantityAvailable", BigDecimal.ZERO);
                setIfNull(type, values, "averageCost", values[type.index("cost")]);
            }
            default -> {
                if (type.index("custrecord_assetstatus") >= 0) {
                    setIfNull(type, values, "custrecord_assetstatus", 1L);
                }
                setIfNull(type, values, "isInactive", Boolean.FALSE);
            }
        }
        if (type.numberField != null && values[type.index(type.numberField)] == null) {
            values[type.index(type.numberField)] = data.nextNumber(type);
        }
    }

    private static void setIfNull(RecordTypeDef type, Object[] values, String field, Object value) {
        int index = type.index(field);
        if (index >= 0 && values[index] == null) {
            values[index] = value;
        }
    }

    private void validateCreate(RecordTypeDef type, Object[] values, List<Object[]> lines) {
        requireFields(type, values, lines);
        if (type.name.equals(RecordTypes.INVENTORY_ITEM)) {
            Object itemId = values[type.index("itemId")];
            for (NsRecord other : data.store(type.name).byId()) {
                if (itemId.equals(other.value("itemId"))) {
                    throw NetSuiteErrors.userError("itemId", "An item record with this Item Name/Number already"
                            + " exists.");
                }
            }
        }
    }

    private static void requireFields(RecordTypeDef type, Object[] values, List<Object[]> lines) {
        switch (type.name) {
            case RecordTypes.PURCHASE_ORDER -> {
                require(type, values, "entity", "Vendor");
                if (lines == null || lines.isEmpty()) {
                    throw NetSuiteErrors.userError("item", "You must enter at least one line item for this"
                            + " transaction.");
                }
            }
            case RecordTypes.WORK_ORDER -> {
                require(type, values, "assemblyItem", "Assembly");
                require(type, values, "quantity", "Quantity");
            }
            case RecordTypes.VENDOR -> require(type, values, "companyName", "Company Name");
            case RecordTypes.INVENTORY_ITEM -> require(type, values, "itemId", "Item Name/Number");
            default -> {
                if (type.index("altName") >= 0) {
                    require(type, values, "altName", "Asset Name");
                }
            }
        }
    }

    private static void require(RecordTypeDef type, Object[] values, String field, String label) {
        Object value = values[type.index(field)];
        if (value == null || value.toString().isBlank()) {
            throw NetSuiteErrors.userError(field, "Please enter value(s) for: " + label);
        }
    }

    /** Totals and stamps; {@code keepModified}: a system edit gave the modified time itself. */
    private void stamp(RecordTypeDef type, Object[] values, List<Object[]> lines, boolean create,
                       boolean keepModified) {
        int total = type.index("total");
        if (total >= 0 && lines != null) {
            int amount = type.lineIndex("amount");
            BigDecimal sum = BigDecimal.ZERO;
            for (Object[] line : lines) {
                if (line[amount] != null) {
                    sum = sum.add((BigDecimal) line[amount]);
                }
            }
            values[total] = sum;
        }
        long now = data.now();
        if (create && values[type.index(type.createdField)] == null) {
            values[type.index(type.createdField)] = now;
        }
        if (!keepModified) {
            values[type.modifiedIndex()] = now;
        }
    }
}
