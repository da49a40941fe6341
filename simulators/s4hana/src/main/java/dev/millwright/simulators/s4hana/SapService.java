package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.SapCatalog.EQUIPMENT;
import static dev.millwright.simulators.s4hana.SapCatalog.MAINTENANCE_ORDERS;
import static dev.millwright.simulators.s4hana.SapCatalog.PURCHASE_ORDERS;
import static dev.millwright.simulators.s4hana.SapCatalog.PURCHASE_ORDER_ITEMS;
import static dev.millwright.simulators.s4hana.SapCatalog.SCHEDULE_LINES;
import static dev.millwright.simulators.s4hana.SapCatalog.SUPPLIERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The business behaviour behind the entity sets: numbering and defaults on create (deep insert of purchase
 * order items and schedule lines), the checks SAP makes, optimistic locking with ETags, which properties are
 * read only, and what a delete does (purchase orders get deletion code {@code L}; the other sets do not
 * implement deletes).
 */
final class SapService {

    /** {@code 9999-12-31T00:00:00}: the validity end of current equipment records. */
    static final long END_OF_TIME = LocalDate.of(9999, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();

    private static final Map<EntitySetDef, Set<String>> READ_ONLY = Map.of(
            PURCHASE_ORDERS, Set.of("PurchasingProcessingStatus", "CreatedByUser", "CreationDate",
                    "LastChangeDateTime", "PurchasingDocumentDeletionCode", "ReleaseIsNotCompleted"),
            PURCHASE_ORDER_ITEMS, Set.of("PurchasingDocumentDeletionCode", "IsCompletelyDelivered",
                    "IsFinallyInvoiced"),
            MAINTENANCE_ORDERS, Set.of("LastChangeDateTime", "SystemStatusText"),
            SUPPLIERS, Set.of("CreatedByUser", "CreationDate", "DeletionIndicator", "SupplierAccountGroup"),
            EQUIPMENT, Set.of("CreatedByUser", "CreationDate", "LastChangeDateTime", "EquipmentIsAvailable",
                    "EquipmentIsInstalled", "EquipmentIsInWarehouse", "EquipmentIsInactive",
                    "EquipmentIsMarkedForDeletion"));

    private final Clock clock;
    private final Map<EntitySetDef, EntityStore> stores = new LinkedHashMap<>();
    private final AtomicLong versions = new AtomicLong(1);
    private final Map<EntitySetDef, AtomicLong> numbers = new LinkedHashMap<>();

    SapService(Clock clock) {
        this.clock = clock;
        for (EntitySetDef set : SapCatalog.TOP_LEVEL) {
            stores.put(set, new EntityStore(set));
        }
        numbers.put(PURCHASE_ORDERS, new AtomicLong(4_500_000_000L));
        numbers.put(MAINTENANCE_ORDERS, new AtomicLong(4_000_000L));
        numbers.put(EQUIPMENT, new AtomicLong(10_000_000L));
    }

    Clock clock() {
        return clock;
    }

    long nextVersion() {
        return versions.incrementAndGet();
    }

    EntityStore store(EntitySetDef set) {
        EntityStore store = stores.get(set);
        if (store == null) {
            throw new IllegalArgumentException(set + " is not a top-level entity set");
        }
        return store;
    }

    Map<EntitySetDef, EntityStore> stores() {
        return stores;
    }

    /** Generated data: keeps the numbering ranges above the numbers generated. */
    void load(EntitySetDef set, List<Entity> entities) {
        store(set).putAll(entities);
        AtomicLong counter = numbers.get(set);
        if (counter != null) {
            for (Entity entity : entities) {
                String number = entity.text(set.keys.get(0));
                if (number.chars().allMatch(Character::isDigit) && !number.isEmpty()) {
                    counter.accumulateAndGet(Long.parseLong(number), Math::max);
                }
            }
        }
    }

    Entity get(EntitySetDef set, String key) {
        Entity entity = store(set).get(key);
        if (entity == null) {
            throw SapErrors.entityNotFound(set, key);
        }
        return entity;
    }

    // ---- create ----

    Entity create(EntitySetDef set, JsonNode body, String user) {
        if (!set.methods.contains("POST")) {
            throw SapErrors.notImplemented(set, "POST");
        }
        long now = clock.millis();
        Entity.Draft draft = Entity.blank(set).draft();
        apply(draft, body, true);
        List<String> missing = new ArrayList<>();
        for (String property : set.requiredOnCreate) {
            Object value = draft.get(property);
            if (value == null || value.toString().isEmpty()) {
                missing.add(property);
            }
        }
        if (!missing.isEmpty()) {
            throw SapErrors.required(missing);
        }
        switch (set.name) {
            case "A_PurchaseOrder" -> preparePurchaseOrder(draft, now, user);
            case "MaintenanceOrder" -> prepareMaintenanceOrder(draft);
            case "Equipment" -> prepareEquipment(draft, now, user);
            default -> {
            }
        }
        if (set.changeProperty != null) {
            draft.set(set.changeProperty, now);
        }
        Entity entity = draft.build(nextVersion());
        if (store(set).get(entity.key()) != null) {
            throw SapErrors.duplicate(set, entity.key());
        }
        store(set).put(entity);
        return entity;
    }

    private void preparePurchaseOrder(Entity.Draft draft, long now, String user) {
        if (isBlank(draft.get("PurchaseOrder"))) {
            draft.set("PurchaseOrder", Long.toString(numbers.get(PURCHASE_ORDERS).incrementAndGet()));
        }
        String supplier = (String) draft.get("Supplier");
        if (!isBlank(supplier) && store(SUPPLIERS).get(KeyPredicate.literal(SUPPLIERS.property("Supplier"), supplier)) == null) {
            throw SapErrors.business("06/321", "Supplier " + supplier + " does not exist", "Supplier");
        }
        draft.set("PurchasingProcessingStatus", "02");
        draft.set("PurchasingDocumentDeletionCode", "");
        draft.set("CreationDate", startOfDay(now));
        draft.set("CreatedByUser", user);
        defaultValue(draft, "PurchaseOrderDate", startOfDay(now));
        defaultValue(draft, "DocumentCurrency", "EUR");
        defaultValue(draft, "Language", "EN");
        defaultValue(draft, "PaymentTerms", "0001");
        draft.set("ReleaseIsNotCompleted", false);
        List<Entity> items = draft.children.getOrDefault("to_PurchaseOrderItem", List.of());
        if (items.isEmpty()) {
            throw SapErrors.business("06/074", "Enter at least one item (to_PurchaseOrderItem)", "to_PurchaseOrderItem");
        }
        List<Entity> prepared = new ArrayList<>();
        int position = 10;
        for (Entity item : items) {
            Entity.Draft line = item.draft();
            line.set("PurchaseOrder", draft.get("PurchaseOrder"));
            if (isBlank(line.get("PurchaseOrderItem"))) {
                line.set("PurchaseOrderItem", String.format("%05d", position));
            }
            position = Integer.parseInt((String) line.get("PurchaseOrderItem")) + 10;
            if (isBlank(line.get("Material")) && isBlank(line.get("PurchaseOrderItemText"))) {
                throw SapErrors.business("06/280", "Enter a material or a short text for item "
                        + line.get("PurchaseOrderItem"), "Material");
            }
            List<String> missing = new ArrayList<>();
            for (String property : PURCHASE_ORDER_ITEMS.requiredOnCreate) {
                if (isBlank(line.get(property))) {
                    missing.add(property);
                }
            }
            if (!missing.isEmpty()) {
                throw SapErrors.required(missing);
            }
            line.set("DocumentCurrency", draft.get("DocumentCurrency"));
            line.set("PurchasingDocumentDeletionCode", "");
            defaultValue(line, "PurchaseOrderQuantityUnit", "PC");
            defaultValue(line, "OrderPriceUnit", line.get("PurchaseOrderQuantityUnit"));
            defaultValue(line, "NetPriceQuantity", BigDecimal.ONE);
            defaultValue(line, "NetPriceAmount", BigDecimal.ZERO);
            defaultValue(line, "PurchaseOrderItemCategory", "0");
            line.set("IsCompletelyDelivered", false);
            line.set("IsFinallyInvoiced", false);
            List<Entity> schedule = line.children.getOrDefault("to_ScheduleLine", List.of());
            List<Entity> lines = new ArrayList<>();
            if (schedule.isEmpty()) {
                Entity.Draft first = Entity.blank(SCHEDULE_LINES).draft();
                first.set("ScheduleLineDeliveryDate", (Long) draft.get("PurchaseOrderDate") + 14L * 86_400_000L);
                first.set("ScheduleLineOrderQuantity", line.get("OrderQuantity"));
                schedule = List.of(first.build(0));
            }
            int scheduleNumber = 1;
            for (Entity scheduleLine : schedule) {
                Entity.Draft s = scheduleLine.draft();
                s.set("PurchasingDocument", draft.get("PurchaseOrder"));
                s.set("PurchasingDocumentItem", line.get("PurchaseOrderItem"));
                s.set("ScheduleLine", Integer.toString(scheduleNumber++));
                s.set("DelivDateCategory", "D");
                defaultValue(s, "PurchaseOrderQuantityUnit", line.get("PurchaseOrderQuantityUnit"));
                defaultValue(s, "ScheduleLineOrderQuantity", line.get("OrderQuantity"));
                lines.add(s.build(nextVersion()));
            }
            line.children.put("to_ScheduleLine", List.copyOf(lines));
            prepared.add(line.build(nextVersion()));
        }
        draft.children.put("to_PurchaseOrderItem", List.copyOf(prepared));
    }

    private void prepareMaintenanceOrder(Entity.Draft draft) {
        if (isBlank(draft.get("MaintenanceOrder"))) {
            draft.set("MaintenanceOrder", Long.toString(numbers.get(MAINTENANCE_ORDERS).incrementAndGet()));
        }
        draft.set("SystemStatusText", "CRTD NMAT");
        defaultValue(draft, "MaintenancePlant", draft.get("MaintenancePlanningPlant"));
        defaultValue(draft, "MainWorkCenterPlant", draft.get("MaintenancePlanningPlant"));
        defaultValue(draft, "MaintPriorityType", "PM");
        defaultValue(draft, "CompanyCode", "1010");
    }

    private void prepareEquipment(Entity.Draft draft, long now, String user) {
        if (isBlank(draft.get("Equipment"))) {
            draft.set("Equipment", Long.toString(numbers.get(EQUIPMENT).incrementAndGet()));
        }
        draft.set("ValidityEndDate", END_OF_TIME);
        defaultValue(draft, "ValidityStartDate", startOfDay(now));
        draft.set("CreationDate", startOfDay(now));
        draft.set("CreatedByUser", user);
        draft.set("EquipmentIsAvailable", true);
        draft.set("EquipmentIsInstalled", false);
        draft.set("EquipmentIsInWarehouse", false);
        draft.set("EquipmentIsInactive", false);
        draft.set("EquipmentIsMarkedForDeletion", false);
    }

    // ---- update and delete ----

    /**
     * Merges the body into the entity (PATCH and MERGE have the same effect in SAP Gateway).
     *
     * @param ifMatch the If-Match header; required for sets with ETags
     */
    Entity update(EntitySetDef set, String key, JsonNode body, String ifMatch) {
        if (!set.methods.contains("PATCH")) {
            throw SapErrors.notImplemented(set, "PATCH");
        }
        Entity current = checkedForWrite(set, key, ifMatch);
        switch (set.name) {
            case "A_PurchaseOrder" -> {
                if ("L".equals(current.get("PurchasingDocumentDeletionCode"))) {
                    throw SapErrors.business("06/026", "Purchase order " + current.get("PurchaseOrder")
                            + " is deleted; changes are not possible", null);
                }
            }
            case "MaintenanceOrder" -> {
                String status = lifecycleStatus(current.text("SystemStatusText"));
                if (Set.of("TECO", "CLSD", "DLFL").contains(status)) {
                    throw SapErrors.business("IW/035", "Order " + current.get("MaintenanceOrder") + " has status "
                            + status + "; changes are not possible", null);
                }
            }
            default -> {
            }
        }
        Entity.Draft draft = current.draft();
        apply(draft, body, false);
        return store(set, current, draft);
    }

    Entity delete(EntitySetDef set, String key, String ifMatch) {
        if (!set.methods.contains("DELETE")) {
            throw SapErrors.notImplemented(set, "DELETE");
        }
        Entity current = checkedForWrite(set, key, ifMatch);
        // SAP keeps deleted purchase orders: it sets the deletion code on the header and every item
        Entity.Draft draft = current.draft();
        draft.set("PurchasingDocumentDeletionCode", "L");
        List<Entity> items = new ArrayList<>();
        for (Entity item : current.children.getOrDefault("to_PurchaseOrderItem", List.of())) {
            items.add(item.draft().set("PurchasingDocumentDeletionCode", "L").build(nextVersion()));
        }
        draft.children.put("to_PurchaseOrderItem", List.copyOf(items));
        return store(set, current, draft);
    }

    private Entity checkedForWrite(EntitySetDef set, String key, String ifMatch) {
        Entity current = get(set, key);
        if (set.hasEtag) {
            if (ifMatch == null || ifMatch.isBlank()) {
                throw SapErrors.preconditionRequired();
            }
            if (!etagMatches(ifMatch, ODataJson.etag(current))) {
                throw SapErrors.preconditionFailed(ODataJson.etag(current));
            }
        }
        return current;
    }

    private Entity store(EntitySetDef set, Entity current, Entity.Draft draft) {
        if (set.changeProperty != null) {
            draft.set(set.changeProperty, Math.max(clock.millis(), current.millis(set.changeProperty)));
        }
        Entity updated = draft.build(nextVersion());
        if (!store(set).replace(current, updated)) {
            throw SapErrors.preconditionFailed(ODataJson.etag(store(set).get(current.key())));
        }
        return updated;
    }

    static boolean etagMatches(String ifMatch, String etag) {
        String given = ifMatch.trim();
        return given.equals("*") || strip(given).equals(strip(etag));
    }

    private static String strip(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    // ---- data access for tests (no checks but property names and types) ----

    Entity modify(EntitySetDef set, String key, Map<String, ?> changes) {
        Entity current = get(set, key);
        Entity.Draft draft = current.draft();
        boolean changeGiven = false;
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            setValue(draft, change.getKey(), change.getValue());
            changeGiven |= change.getKey().equals(set.changeProperty);
        }
        if (set.changeProperty != null && !changeGiven) {
            draft.set(set.changeProperty, clock.millis());
        }
        Entity updated = draft.build(nextVersion());
        store(set).put(updated);
        return updated;
    }

    Entity insert(EntitySetDef set, Map<String, ?> fields) {
        Entity.Draft draft = Entity.blank(set).draft();
        AtomicLong counter = numbers.get(set);
        if (counter != null && fields.get(set.keys.get(0)) == null) {
            draft.set(set.keys.get(0), Long.toString(counter.incrementAndGet()));
        }
        if (set == EQUIPMENT) {
            draft.set("ValidityEndDate", END_OF_TIME);
        }
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            setValue(draft, field.getKey(), field.getValue());
        }
        if (set.changeProperty != null && draft.get(set.changeProperty) == null) {
            draft.set(set.changeProperty, clock.millis());
        }
        Entity entity = draft.build(nextVersion());
        if (store(set).get(entity.key()) != null) {
            throw new IllegalArgumentException(set.name + " " + entity.key() + " already exists");
        }
        store(set).put(entity);
        return entity;
    }

    private static void setValue(Entity.Draft draft, String name, Object value) {
        Property property = draft.set.property(name);
        if (property == null) {
            throw new IllegalArgumentException(draft.set.name + " has no property " + name);
        }
        Object stored = value;
        if (value != null) {
            stored = switch (property.type()) {
                case DECIMAL -> new BigDecimal(value.toString());
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
                case DATETIME, DATETIMEOFFSET, TIME -> value instanceof Number n ? n.longValue()
                        : value instanceof java.time.Instant i ? i.toEpochMilli()
                        : value instanceof LocalDate d ? d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()
                        : EdmType.parseDate(value.toString());
                default -> value.toString();
            };
        }
        draft.set(name, stored);
    }

    // ---- request bodies ----

    /** Applies the JSON members of a request body to a draft, checking names, types, lengths and read-only fields. */
    private void apply(Entity.Draft draft, JsonNode body, boolean create) {
        if (!(body instanceof ObjectNode object)) {
            throw SapErrors.invalidBody("a JSON object is expected");
        }
        EntitySetDef set = draft.set;
        Set<String> readOnly = READ_ONLY.getOrDefault(set, Set.of());
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("__metadata")) {
                continue;
            }
            EntitySetDef.Navigation navigation = set.navigation(name);
            if (navigation != null) {
                if (!create) {
                    throw SapErrors.business("/IWBEP/CM_MGW_RT/108", "Navigation property '" + name
                            + "' cannot be changed by an update; deep updates are not supported", name);
                }
                JsonNode list = field.getValue().has("results") ? field.getValue().get("results") : field.getValue();
                if (!list.isArray()) {
                    throw SapErrors.invalidBody("'" + name + "' must be an array or {\"results\": [...]}");
                }
                List<Entity> children = new ArrayList<>();
                for (JsonNode child : list) {
                    Entity.Draft childDraft = Entity.blank(navigation.target()).draft();
                    apply(childDraft, child, true);
                    children.add(childDraft.build(0));
                }
                draft.children.put(name, List.copyOf(children));
                continue;
            }
            Property property = set.property(name);
            if (property == null) {
                throw SapErrors.unknownProperty(set, name);
            }
            Object value;
            try {
                value = property.type().read(field.getValue());
            } catch (IllegalArgumentException e) {
                throw SapErrors.invalidValue(name, property.type().edmName, e.getMessage());
            }
            if (value instanceof String text && property.maxLength() > 0 && text.length() > property.maxLength()) {
                throw SapErrors.invalidValue(name, property.type().edmName, "longer than " + property.maxLength()
                        + " characters");
            }
            boolean changes = !java.util.Objects.equals(value, draft.get(name));
            if (readOnly.contains(name) && changes) {
                throw SapErrors.readOnly(name);
            }
            if (!create && set.isKey(name) && changes) {
                throw SapErrors.readOnly(name);
            }
            draft.set(name, value);
        }
    }

    /**
     * The lifecycle status of a maintenance order among the codes of its system status text: deletion flag
     * first, then the furthest step of CRTD, REL, PCNF, CNF, TECO, CLSD.
     */
    static String lifecycleStatus(String systemStatusText) {
        List<String> codes = List.of(systemStatusText.trim().split("\\s+"));
        for (String code : List.of("DLFL", "CLSD", "TECO", "CNF", "PCNF", "REL", "CRTD")) {
            if (codes.contains(code)) {
                return code;
            }
        }
        return "";
    }

    private static void defaultValue(Entity.Draft draft, String property, Object value) {
        if (isBlank(draft.get(property))) {
            draft.set(property, value);
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isEmpty();
    }

    static long startOfDay(long millis) {
        return millis - Math.floorMod(millis, 86_400_000L);
    }
}
