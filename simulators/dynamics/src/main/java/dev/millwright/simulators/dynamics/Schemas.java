package dev.millwright.simulators.dynamics;

import java.util.List;

/**
 * The entity sets the simulator serves, with the properties of Business Central's standard API v2.0 pages
 * ("APIV2 - Vendors", "APIV2 - Items", "APIV2 - Fixed Assets", "APIV2 - Purchase Orders" and its lines part),
 * in their serialization order. Property captions and lengths are those of the underlying table fields.
 */
final class Schemas {
    static final String VENDORS = "vendors";
    static final String ITEMS = "items";
    static final String FIXED_ASSETS = "fixedAssets";
    static final String PURCHASE_ORDERS = "purchaseOrders";
    static final String PURCHASE_ORDER_LINES = "purchaseOrderLines";

    static final String BLOCKED_NONE = " ";
    static final String STATUS_DRAFT = "Draft";
    static final String STATUS_IN_REVIEW = "In Review";
    static final String STATUS_OPEN = "Open";

    static final EntitySchema VENDOR = EntitySchema.define(VENDORS, "vendor", "Vendor")
            .id()
            .text("number", "No.", 20)
            .text("displayName", "Name", 100)
            .text("addressLine1", "Address", 100)
            .text("addressLine2", "Address 2", 50)
            .text("city", "City", 30)
            .text("state", "County", 30)
            .text("country", "Country/Region Code", 10)
            .text("postalCode", "Post Code", 20)
            .text("phoneNumber", "Phone No.", 30)
            .text("email", "E-Mail", 80)
            .text("website", "Home Page", 80)
            .text("taxRegistrationNumber", "Tax Registration No.", 20)
            .guid("currencyId", "Currency Id")
            .text("currencyCode", "Currency Code", 10)
            .text("irs1099Code", "IRS 1099 Code", 10)
            .guid("paymentTermsId", "Payment Terms Id")
            .guid("paymentMethodId", "Payment Method Id")
            .bool("taxLiable", "Tax Liable")
            .option("blocked", "Blocked", BLOCKED_NONE, "Payment", "All")
            .readOnlyDecimal("balance", "Balance (LCY)")
            .lastModified()
            .build();

    static final EntitySchema ITEM = EntitySchema.define(ITEMS, "item", "Item")
            .id()
            .text("number", "No.", 20)
            .text("displayName", "Description", 100)
            .text("displayName2", "Description 2", 50)
            .option("type", "Type", "Inventory", "Service", "Non-Inventory")
            .guid("itemCategoryId", "Item Category Id")
            .text("itemCategoryCode", "Item Category Code", 20)
            .bool("blocked", "Blocked")
            .text("gtin", "GTIN", 14)
            .readOnlyDecimal("inventory", "Inventory")
            .decimal("unitPrice", "Unit Price")
            .bool("priceIncludesTax", "Price Includes VAT")
            .decimal("unitCost", "Unit Cost")
            .guid("taxGroupId", "Tax Group Id")
            .text("taxGroupCode", "Tax Group Code", 20)
            .guid("baseUnitOfMeasureId", "Unit of Measure Id")
            .text("baseUnitOfMeasureCode", "Base Unit of Measure", 10)
            .guid("generalProductPostingGroupId", "Gen. Prod. Posting Group Id")
            .text("generalProductPostingGroupCode", "Gen. Prod. Posting Group", 20)
            .guid("inventoryPostingGroupId", "Inventory Posting Group Id")
            .text("inventoryPostingGroupCode", "Inventory Posting Group", 20)
            .lastModified()
            .build();

    static final EntitySchema FIXED_ASSET = EntitySchema.define(FIXED_ASSETS, "fixedAsset", "Fixed Asset")
            .id()
            .text("number", "No.", 20)
            .text("displayName", "Description", 100)
            .text("fixedAssetLocationCode", "FA Location Code", 10)
            .guid("fixedAssetLocationId", "FA Location Id")
            .text("classCode", "FA Class Code", 10)
            .text("subclassCode", "FA Subclass Code", 10)
            .bool("blocked", "Blocked")
            .text("serialNumber", "Serial No.", 50)
            .text("employeeNumber", "Responsible Employee", 20)
            .guid("employeeId", "Responsible Employee Id")
            .bool("underMaintenance", "Under Maintenance")
            .readOnlyDate("acquisitionDate", "Acquisition Date")
            .readOnlyDecimal("acquisitionCost", "Acquisition Cost")
            .lastModified()
            .build();

    static final EntitySchema PURCHASE_ORDER_LINE = EntitySchema.define(PURCHASE_ORDER_LINES, "purchaseOrderLine",
                    "Purchase Line")
            .id()
            .guid("documentId", "Document Id")
            .integer("sequence", "Line No.")
            .guid("itemId", "Item Id")
            .guid("accountId", "Account Id")
            .option("lineType", "Line Type", "Comment", "Account", "Item", "Resource", "Fixed Asset", "Charge")
            .text("lineObjectNumber", "No.", 20)
            .text("description", "Description", 100)
            .text("description2", "Description 2", 50)
            .guid("unitOfMeasureId", "Unit of Measure Id")
            .text("unitOfMeasureCode", "Unit of Measure Code", 10)
            .decimal("quantity", "Quantity")
            .decimal("directUnitCost", "Direct Unit Cost")
            .decimal("discountAmount", "Line Discount Amount")
            .decimal("discountPercent", "Line Discount %")
            .readOnlyBool("discountAppliedBeforeTax", "Discount Applied Before Tax")
            .readOnlyDecimal("amountExcludingTax", "Line Amount Excluding Tax")
            .text("taxCode", "Tax Code", 20)
            .readOnlyDecimal("taxPercent", "VAT %")
            .readOnlyDecimal("totalTaxAmount", "Line Tax Amount")
            .readOnlyDecimal("amountIncludingTax", "Line Amount Including Tax")
            .readOnlyDecimal("invoiceDiscountAllocation", "Inv. Discount Amount Excl. VAT")
            .readOnlyDecimal("netAmount", "Amount")
            .readOnlyDecimal("netTaxAmount", "Tax Amount")
            .readOnlyDecimal("netAmountIncludingTax", "Amount Including VAT")
            .date("expectedReceiptDate", "Expected Receipt Date")
            .readOnlyDecimal("receivedQuantity", "Quantity Received")
            .readOnlyDecimal("invoicedQuantity", "Quantity Invoiced")
            .decimal("invoiceQuantity", "Qty. to Invoice")
            .decimal("receiveQuantity", "Qty. to Receive")
            .guid("itemVariantId", "Variant Id")
            .guid("locationId", "Location Id")
            .build();

    static final EntitySchema PURCHASE_ORDER = EntitySchema.define(PURCHASE_ORDERS, "purchaseOrder", "Purchase Header")
            .id()
            .readOnlyText("number", "No.")
            .date("orderDate", "Order Date")
            .date("postingDate", "Posting Date")
            .guid("vendorId", "Vendor Id")
            .text("vendorNumber", "Buy-from Vendor No.", 20)
            .readOnlyText("vendorName", "Buy-from Vendor Name")
            .readOnlyText("payToName", "Pay-to Name")
            .guid("payToVendorId", "Pay-to Vendor Id")
            .text("payToVendorNumber", "Pay-to Vendor No.", 20)
            .text("shipToName", "Ship-to Name", 100)
            .text("shipToContact", "Ship-to Contact", 100)
            .text("buyFromAddressLine1", "Buy-from Address", 100)
            .text("buyFromAddressLine2", "Buy-from Address 2", 50)
            .text("buyFromCity", "Buy-from City", 30)
            .text("buyFromCountry", "Buy-from Country/Region Code", 10)
            .text("buyFromState", "Buy-from County", 30)
            .text("buyFromPostCode", "Buy-from Post Code", 20)
            .text("shortcutDimension1Code", "Shortcut Dimension 1 Code", 20)
            .text("shortcutDimension2Code", "Shortcut Dimension 2 Code", 20)
            .guid("currencyId", "Currency Id")
            .text("currencyCode", "Currency Code", 10)
            .bool("pricesIncludeTax", "Prices Including VAT")
            .guid("paymentTermsId", "Payment Terms Id")
            .guid("shipmentMethodId", "Shipment Method Id")
            .text("purchaser", "Purchaser Code", 20)
            .date("requestedReceiptDate", "Requested Receipt Date")
            .decimal("discountAmount", "Invoice Discount Amount")
            .readOnlyBool("discountAppliedBeforeTax", "Discount Applied Before Tax")
            .readOnlyDecimal("totalAmountExcludingTax", "Amount")
            .readOnlyDecimal("totalTaxAmount", "Total Tax Amount")
            .readOnlyDecimal("totalAmountIncludingTax", "Amount Including VAT")
            .readOnlyBool("fullyReceived", "Completely Received")
            .readOnlyOption("status", "Status", STATUS_DRAFT, STATUS_IN_REVIEW, STATUS_OPEN)
            .lastModified()
            .lines(PURCHASE_ORDER_LINES, PURCHASE_ORDER_LINE)
            .build();

    /** The sets a company holds, in the order data is generated (orders refer to vendors and items). */
    static final List<EntitySchema> ALL = List.of(VENDOR, ITEM, FIXED_ASSET, PURCHASE_ORDER);

    private Schemas() {
    }

    /** The schema of a top-level entity set by its exact name, or null. */
    static EntitySchema find(String entitySet) {
        for (EntitySchema schema : ALL) {
            if (schema.entitySet().equals(entitySet)) {
                return schema;
            }
        }
        return null;
    }
}
