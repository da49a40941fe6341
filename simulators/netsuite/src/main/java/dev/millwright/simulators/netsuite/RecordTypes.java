package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.FieldDef.body;
import static dev.millwright.simulators.netsuite.FieldDef.ref;

import java.util.List;

/** The record types the simulator serves, with their record API fields and SuiteQL columns. */
final class RecordTypes {

    static final String PURCHASE_ORDER = "purchaseOrder";
    static final String WORK_ORDER = "workOrder";
    static final String VENDOR = "vendor";
    static final String INVENTORY_ITEM = "inventoryItem";
    /** NetSuite Fixed Asset Management's asset record. */
    static final String FAM_ASSET = "customrecord_ncfar_asset";

    private RecordTypes() {
    }

    static RecordTypeDef purchaseOrder() {
        return new RecordTypeDef(PURCHASE_ORDER, "transaction", "type", "PurchOrd", "Purchase Order", List.of(
                body("tranId", FieldKind.TEXT),
                body("tranDate", FieldKind.DATE),
                ref("entity", "entity", VENDOR),
                ref("currency", "currency", RefLists.CURRENCY),
                ref("subsidiary", "subsidiary", RefLists.SUBSIDIARY).onMainline(),
                ref("location", "location", RefLists.LOCATION).onMainline(),
                ref("employee", "employee", RefLists.EMPLOYEE),
                body("memo", FieldKind.TEXT),
                body("dueDate", FieldKind.DATE),
                new FieldDef("orderStatus", "status", FieldKind.STATUS, RefLists.PURCHASE_ORDER_STATUS,
                        FieldDef.Placement.BODY, FieldDef.Access.WRITABLE),
                body("total", "foreigntotal", FieldKind.DECIMAL).readOnly(),
                body("createdDate", FieldKind.DATETIME).readOnly(),
                body("lastModifiedDate", FieldKind.DATETIME).readOnly()),
                List.of(
                        body("line", "linesequencenumber", FieldKind.INTEGER).readOnly(),
                        ref("item", "item", INVENTORY_ITEM),
                        body("description", "memo", FieldKind.TEXT),
                        body("quantity", FieldKind.DECIMAL),
                        ref("units", "units", RefLists.UNIT),
                        body("rate", FieldKind.DECIMAL),
                        body("amount", "netamount", FieldKind.DECIMAL).readOnly(),
                        body("expectedReceiptDate", FieldKind.DATE),
                        body("quantityReceived", "quantityshiprecv", FieldKind.DECIMAL).readOnly(),
                        body("quantityBilled", FieldKind.DECIMAL).readOnly(),
                        body("isClosed", FieldKind.BOOLEAN)),
                "lastModifiedDate", "createdDate", "tranId", "PO", "tranId");
    }

    static RecordTypeDef workOrder() {
        return new RecordTypeDef(WORK_ORDER, "transaction", "type", "WorkOrd", "Work Order", List.of(
                body("tranId", FieldKind.TEXT),
                body("tranDate", FieldKind.DATE),
                ref("assemblyItem", "item", RefLists.ASSEMBLY_ITEM).onMainline(),
                body("quantity", FieldKind.DECIMAL).onMainline(),
                ref("subsidiary", "subsidiary", RefLists.SUBSIDIARY).onMainline(),
                ref("location", "location", RefLists.LOCATION).onMainline(),
                new FieldDef("orderStatus", "status", FieldKind.STATUS, RefLists.WORK_ORDER_STATUS,
                        FieldDef.Placement.BODY, FieldDef.Access.WRITABLE),
                body("startDate", FieldKind.DATE),
                body("endDate", FieldKind.DATE),
                body("memo", FieldKind.TEXT),
                body("createdDate", FieldKind.DATETIME).readOnly(),
                body("lastModifiedDate", FieldKind.DATETIME).readOnly()),
                List.of(
                        body("line", "linesequencenumber", FieldKind.INTEGER).readOnly(),
                        ref("item", "item", INVENTORY_ITEM),
                        body("description", "memo", FieldKind.TEXT),
                        body("quantity", FieldKind.DECIMAL),
                        ref("units", "units", RefLists.UNIT)),
                "lastModifiedDate", "createdDate", "tranId", "WO", "tranId");
    }

    static RecordTypeDef vendor() {
        return new RecordTypeDef(VENDOR, "vendor", null, null, "Vendor", List.of(
                body("entityId", FieldKind.TEXT),
                body("companyName", FieldKind.TEXT),
                body("isInactive", FieldKind.BOOLEAN),
                body("email", FieldKind.TEXT),
                body("phone", FieldKind.TEXT),
                ref("currency", "currency", RefLists.CURRENCY),
                ref("subsidiary", "subsidiary", RefLists.SUBSIDIARY),
                body("taxIdNum", FieldKind.TEXT),
                body("addr1", FieldKind.TEXT).inAddress(),
                body("addr2", FieldKind.TEXT).inAddress(),
                body("city", FieldKind.TEXT).inAddress(),
                body("state", FieldKind.TEXT).inAddress(),
                body("zip", FieldKind.TEXT).inAddress(),
                body("country", FieldKind.TEXT).inAddress(),
                body("dateCreated", FieldKind.DATETIME).readOnly(),
                body("lastModifiedDate", FieldKind.DATETIME).readOnly()),
                null, "lastModifiedDate", "dateCreated", "entityId", "V", "companyName");
    }

    static RecordTypeDef inventoryItem() {
        return new RecordTypeDef(INVENTORY_ITEM, "item", "itemtype", "InvtPart", "Inventory Item", List.of(
                body("itemId", FieldKind.TEXT),
                body("displayName", FieldKind.TEXT),
                body("purchaseDescription", FieldKind.TEXT),
                body("isInactive", FieldKind.BOOLEAN),
                ref("subsidiary", "subsidiary", RefLists.SUBSIDIARY),
                ref("location", "location", RefLists.LOCATION),
                ref("stockUnit", "stockunit", RefLists.UNIT),
                body("cost", FieldKind.DECIMAL),
                body("averageCost", FieldKind.DECIMAL).readOnly(),
                body("reorderPoint", FieldKind.DECIMAL),
                body("quantityOnHand", "totalquantityonhand", FieldKind.DECIMAL).readOnly(),
                body("quantityAvailable", FieldKind.DECIMAL).readOnly(),
                body("createdDate", FieldKind.DATETIME).readOnly(),
                body("lastModifiedDate", FieldKind.DATETIME).readOnly()),
                null, "lastModifiedDate", "createdDate", null, null, "itemId");
    }

    /** NetSuite Fixed Asset Management's asset, served under the given custom record type id. */
    static RecordTypeDef asset(String recordType) {
        return new RecordTypeDef(recordType, recordType, null, null, "Asset", List.of(
                body("name", FieldKind.TEXT),
                body("altName", FieldKind.TEXT),
                body("isInactive", FieldKind.BOOLEAN),
                body("custrecord_assetdescr", FieldKind.TEXT),
                ref("custrecord_assettype", "custrecord_assettype", RefLists.ASSET_TYPE),
                ref("custrecord_assetstatus", "custrecord_assetstatus", RefLists.ASSET_STATUS),
                body("custrecord_assetserialno", FieldKind.TEXT),
                body("custrecord_assetsupplier", FieldKind.TEXT),
                ref("custrecord_assetlocation", "custrecord_assetlocation", RefLists.LOCATION),
                ref("custrecord_assetsubsidiary", "custrecord_assetsubsidiary", RefLists.SUBSIDIARY),
                ref("custrecord_componentof", "custrecord_componentof", recordType),
                body("custrecord_assetcost", FieldKind.DECIMAL),
                body("custrecord_assetpurchasedate", FieldKind.DATE),
                body("custrecord_assetdeprstartdate", FieldKind.DATE),
                body("created", FieldKind.DATETIME).readOnly(),
                body("lastModified", FieldKind.DATETIME).readOnly()),
                null, "lastModified", "created", "name", "FAM", "name");
    }
}
