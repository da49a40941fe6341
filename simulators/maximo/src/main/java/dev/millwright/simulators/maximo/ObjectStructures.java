package dev.millwright.simulators.maximo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The object structures the simulator serves, with the attributes of IBM's MXAPI* structures that
 * integrations read most. MXAPIPO, MXAPIINVENTORY and MXAPIVENDOR are widely used by clients but not
 * documented by IBM as such; their attribute lists follow the underlying PO, INVENTORY and COMPANIES objects.
 */
final class ObjectStructures {
    /** The organization of the demo sites BEDFORD, TEXAS and NASHUA. */
    static final String DEFAULT_ORG = "EAGLENA";

    static final Domain WO_STATUS = Domain.of("WOSTATUS",
            "WAPPR", "Waiting on Approval",
            "APPR", "Approved",
            "WSCH", "Waiting to be Scheduled",
            "WMATL", "Waiting on Material",
            "INPRG", "In Progress",
            "COMP", "Completed",
            "CLOSE", "Closed",
            "CAN", "Canceled",
            "WPCOND", "Waiting on Plant Cond");

    static final Domain PO_STATUS = Domain.of("POSTATUS",
            "WAPPR", "Waiting on Approval",
            "APPR", "Approved",
            "INPRG", "In Progress",
            "CLOSE", "Closed",
            "CAN", "Canceled",
            "HOLD", "On Hold",
            "REVISE", "Revision in Progress");

    static final Domain ITEM_STATUS = Domain.of("ITEMSTATUS",
            "ACTIVE", "Active",
            "PENDOBS", "Pending Obsolescence",
            "OBSOLETE", "Obsolete",
            "PLANNING", "Planning");

    static final Domain ASSET_STATUS = Domain.of("LOCASSETSTATUS",
            "OPERATING", "Operating",
            "NOT READY", "Not Ready",
            "DECOMMISSIONED", "Decommissioned",
            "INACTIVE", "Inactive",
            "BROKEN", "Broken");

    static final ObjectStructure WORK_ORDERS = new ObjectStructure("MXAPIWODETAIL", "WORKORDER",
            RecordSchema.builder()
                    .string("wonum", "siteid", "orgid")
                    .integer("workorderid")
                    .string("description", "description_longdescription")
                    .domain("status", WO_STATUS)
                    .integer("wopriority")
                    .string("worktype", "woclass", "assetnum", "location", "lead")
                    .date("targstartdate", "targcompdate", "schedstart", "schedfinish", "actstart", "actfinish",
                            "reportdate", "changedate")
                    .bool("istask")
                    .build(),
            List.of("siteid", "wonum"), "wonum", "workorderid", Set.of(), null,
            rules((draft, now) -> {
                defaultOrg(draft);
                draft.setIfAbsent("status", "WAPPR");
                draft.setIfAbsent("woclass", "WORKORDER");
                draft.setIfAbsent("istask", Boolean.FALSE);
                draft.setIfAbsent("reportdate", now);
            }, draft -> { }));

    static final ObjectStructure PURCHASE_ORDERS = new ObjectStructure("MXAPIPO", "PO",
            RecordSchema.builder()
                    .string("ponum", "siteid", "orgid")
                    .integer("poid", "revisionnum")
                    .string("description")
                    .domain("status", PO_STATUS)
                    .date("orderdate", "requireddate")
                    .string("vendor", "currencycode")
                    .decimal("totalcost")
                    .string("purchaseagent")
                    .date("changedate")
                    .build(),
            List.of("siteid", "ponum"), "ponum", "poid", Set.of("totalcost"),
            new ChildCollection("poline", RecordSchema.builder()
                    .integer("polinenum")
                    .string("itemnum", "description")
                    .decimal("orderqty")
                    .string("orderunit")
                    .decimal("unitcost", "linecost")
                    .date("reqdeliverydate")
                    .decimal("receivedqty")
                    .build(), "polinenum"),
            rules((draft, now) -> {
                defaultOrg(draft);
                draft.setIfAbsent("status", "WAPPR");
                draft.setIfAbsent("revisionnum", 0);
                draft.setIfAbsent("currencycode", "USD");
                draft.setIfAbsent("orderdate", now);
            }, ObjectStructures::recomputePurchaseOrder));

    static final ObjectStructure INVENTORY = new ObjectStructure("MXAPIINVENTORY", "INVENTORY",
            RecordSchema.builder()
                    .string("itemnum", "itemsetid", "description", "location", "siteid", "orgid")
                    .integer("inventoryid")
                    .string("binnum")
                    .decimal("curbaltotal", "avblbalance")
                    .string("issueunit")
                    .decimal("avgcost", "minlevel")
                    .domain("status", ITEM_STATUS)
                    .date("changedate")
                    .build(),
            List.of("itemnum", "location", "siteid"), null, "inventoryid", Set.of(), null,
            rules((draft, now) -> {
                defaultOrg(draft);
                draft.setIfAbsent("status", "ACTIVE");
                draft.setIfAbsent("itemsetid", "SET1");
                draft.setIfAbsent("curbaltotal", 0.0);
                draft.setIfAbsent("avblbalance", 0.0);
            }, draft -> { }));

    static final ObjectStructure VENDORS = new ObjectStructure("MXAPIVENDOR", "COMPANIES",
            RecordSchema.builder()
                    .string("company", "name", "type", "orgid")
                    .integer("companiesid")
                    .bool("disabled")
                    .string("currencycode", "address1", "address2", "city", "stateprovince", "zip", "country",
                            "phone", "email", "fedtaxid")
                    .date("changedate")
                    .build(),
            List.of("orgid", "company"), null, "companiesid", Set.of(), null,
            rules((draft, now) -> {
                draft.setIfAbsent("type", "V");
                draft.setIfAbsent("disabled", Boolean.FALSE);
                draft.setIfAbsent("currencycode", "USD");
            }, draft -> { }));

    static final ObjectStructure ASSETS = new ObjectStructure("MXAPIASSET", "ASSET",
            RecordSchema.builder()
                    .string("assetnum", "siteid", "orgid")
                    .integer("assetid")
                    .string("description")
                    .domain("status", ASSET_STATUS)
                    .string("location", "parent", "serialnum", "manufacturer", "vendor")
                    .date("installdate")
                    .integer("priority")
                    .bool("isrunning")
                    .date("changedate")
                    .build(),
            List.of("siteid", "assetnum"), null, "assetid", Set.of(), null,
            rules((draft, now) -> {
                defaultOrg(draft);
                draft.setIfAbsent("status", "NOT READY");
                draft.setIfAbsent("isrunning", Boolean.TRUE);
            }, draft -> { }));

    private static final List<ObjectStructure> ALL =
            List.of(WORK_ORDERS, PURCHASE_ORDERS, INVENTORY, VENDORS, ASSETS);

    private ObjectStructures() {
    }

    static List<ObjectStructure> all() {
        return ALL;
    }

    /** The structure with that name in any case, or null. */
    static ObjectStructure find(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (ObjectStructure structure : ALL) {
            if (structure.name().equals(upper)) {
                return structure;
            }
        }
        return null;
    }

    private static void defaultOrg(RecordDraft draft) {
        // Every simulated site (BEDFORD, TEXAS, NASHUA) belongs to EAGLENA, as in the Maximo demo data.
        if (draft.structure.schema().find("siteid") != null && draft.get("siteid") != null) {
            draft.setIfAbsent("orgid", DEFAULT_ORG);
        }
    }

    private static void recomputePurchaseOrder(RecordDraft draft) {
        ChildCollection lines = draft.structure.child();
        RecordSchema schema = lines.schema();
        Attribute polinenum = schema.attribute("polinenum");
        Attribute orderqty = schema.attribute("orderqty");
        Attribute unitcost = schema.attribute("unitcost");
        Attribute linecost = schema.attribute("linecost");
        Attribute receivedqty = schema.attribute("receivedqty");
        int nextLine = 1;
        for (Row line : draft.children) {
            Object number = polinenum.read(line);
            if (number != null) {
                nextLine = Math.max(nextLine, (Integer) number + 1);
            }
        }
        double total = 0;
        for (Row line : draft.children) {
            if (polinenum.read(line) == null) {
                polinenum.write(line, nextLine++);
            }
            if (receivedqty.read(line) == null) {
                receivedqty.write(line, 0.0);
            }
            double cost = money(number(orderqty.read(line)) * number(unitcost.read(line)));
            linecost.write(line, cost);
            total += cost;
        }
        draft.set("totalcost", money(total));
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    static double money(double amount) {
        return Math.round(amount * 100.0) / 100.0;
    }

    private static ObjectStructure.Rules rules(BiConsumer<RecordDraft, Long> defaults, Consumer<RecordDraft> recompute) {
        return new ObjectStructure.Rules() {
            @Override
            public void applyDefaults(RecordDraft draft, long now) {
                defaults.accept(draft, now);
            }

            @Override
            public void recompute(RecordDraft draft) {
                recompute.accept(draft);
            }
        };
    }
}
