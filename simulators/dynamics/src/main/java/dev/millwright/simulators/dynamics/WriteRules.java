package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What Business Central does besides storing the values a write gives: defaults, lookups of related records
 * (vendor of an order, item of a line, currency of a code), calculated amounts and the business rules the
 * simulator enforces. Writes by the data access methods ("another user in the BC client") skip the rules that
 * only the API enforces, such as the status check of purchase orders.
 */
final class WriteRules {
    private final CompanyData company;

    WriteRules(CompanyData company) {
        this.company = company;
    }

    /**
     * Completes a record after the given properties were set.
     *
     * @param inserting true for a new record
     * @param given     the properties the write set
     */
    void complete(RecordDraft draft, boolean inserting, Set<String> given, LocalDate today) {
        switch (draft.schema.entitySet()) {
            case Schemas.VENDORS -> completeVendor(draft, given);
            case Schemas.ITEMS -> completeItem(draft, given);
            case Schemas.FIXED_ASSETS -> completeFixedAsset(draft, given);
            case Schemas.PURCHASE_ORDERS -> completeOrder(draft, inserting, given, today);
            default -> throw new IllegalStateException("no rules for " + draft.schema);
        }
    }

    /**
     * Refuses an API change of a purchase order that is not a draft: BC's header test "Status must be equal to
     * 'Open'" (BC's document status Open is the API's Draft; In Review is Pending Approval, Open is Released).
     */
    void requireEditableOrder(BcRecord order) {
        String status = order.text("status");
        if (!status.equals(Schemas.STATUS_DRAFT)) {
            throw BcErrors.fieldValidation("Status must be equal to 'Open'  in Purchase Header: Document Type=Order,"
                    + " No.=" + order.text("number") + ". Current value is '" + documentStatus(status) + "'.");
        }
    }

    private static String documentStatus(String apiStatus) {
        return switch (apiStatus) {
            case Schemas.STATUS_IN_REVIEW -> "Pending Approval";
            case Schemas.STATUS_OPEN -> "Released";
            default -> "Open";
        };
    }

    /** Refuses to delete a vendor or item that open purchase orders still use. */
    void requireUnused(BcRecord record) {
        String set = record.schema.entitySet();
        if (set.equals(Schemas.VENDORS) && company.ordersOfVendor(record.id) > 0) {
            throw BcErrors.dialog("You cannot delete Vendor " + record.text("number") + " because there is at least"
                    + " one outstanding Purchase Order for this vendor.");
        }
        if (set.equals(Schemas.ITEMS) && company.orderLinesOfItem(record.id) > 0) {
            throw BcErrors.dialog("You cannot delete Item " + record.text("number") + " because there is at least one"
                    + " outstanding Purchase Order that includes this item.");
        }
    }

    // ---- vendors, items, fixed assets ----

    private static void completeVendor(RecordDraft vendor, Set<String> given) {
        currency(vendor, given);
    }

    private static void completeItem(RecordDraft item, Set<String> given) {
        codeId(item, given, "itemCategoryCode", "itemCategoryId", "itemCategory");
        codeId(item, given, "taxGroupCode", "taxGroupId", "taxGroup");
        codeId(item, given, "baseUnitOfMeasureCode", "baseUnitOfMeasureId", "unitOfMeasure");
        codeId(item, given, "generalProductPostingGroupCode", "generalProductPostingGroupId", "genProdPostingGroup");
        codeId(item, given, "inventoryPostingGroupCode", "inventoryPostingGroupId", "inventoryPostingGroup");
    }

    private static void completeFixedAsset(RecordDraft asset, Set<String> given) {
        codeId(asset, given, "fixedAssetLocationCode", "fixedAssetLocationId", "faLocation");
        codeId(asset, given, "employeeNumber", "employeeId", "employee");
    }

    /** Keeps a code and the id of the record it names in step, whichever of the two the write set. */
    private static void codeId(RecordDraft draft, Set<String> given, String codeProperty, String idProperty,
                               String kind) {
        if (given.contains(codeProperty) || !given.contains(idProperty)) {
            draft.setGuid(idProperty, ReferenceData.idOf(kind, draft.text(codeProperty)));
        }
    }

    /** currencyCode and currencyId: a blank code (the local currency) or the code of a currency BC knows. */
    private static void currency(RecordDraft draft, Set<String> given) {
        if (given.contains("currencyId") && !given.contains("currencyCode")) {
            UUID id = draft.guid("currencyId");
            if (BcRecord.BLANK_GUID.equals(id)) {
                draft.setText("currencyCode", "");
                return;
            }
            String code = ReferenceData.currencyOf(id);
            if (code == null) {
                throw BcErrors.dialog("The \"currencyId\" does not match to a Currency.");
            }
            draft.setText("currencyCode", code);
            return;
        }
        String code = draft.text("currencyCode").trim();
        if (!code.isEmpty() && !ReferenceData.isCurrency(code)) {
            throw BcErrors.dialog("The \"currencyCode\" does not match to a Currency.");
        }
        draft.setText("currencyCode", code.toUpperCase(Locale.ROOT));
        draft.setGuid("currencyId", ReferenceData.idOf("currency", code));
    }

    // ---- purchase orders ----

    private void completeOrder(RecordDraft order, boolean inserting, Set<String> given, LocalDate today) {
        boolean vendorGiven = given.contains("vendorId") || given.contains("vendorNumber");
        if (inserting && !vendorGiven) {
            throw BcErrors.dialog("A \"vendorNumber\" or a \"vendorId\" must be provided.");
        }
        if (vendorGiven) {
            BcRecord vendor = given.contains("vendorId") ? company.get(Schemas.VENDOR, order.guid("vendorId"))
                    : company.vendorByNumber(order.text("vendorNumber"));
            if (vendor == null) {
                throw BcErrors.dialog("The buy-from vendor cannot be found.");
            }
            if (given.contains("vendorId") && given.contains("vendorNumber")
                    && !vendor.text("number").equalsIgnoreCase(order.text("vendorNumber"))) {
                throw BcErrors.dialog("The buy-from vendor values do not match to a specific Vendor.");
            }
            takeVendor(order, vendor, given);
        }
        if (inserting) {
            if (!given.contains("orderDate")) {
                order.setDate("orderDate", today);
            }
            if (!given.contains("postingDate")) {
                order.setNumber("postingDate", order.number("orderDate"));
            }
            if (!given.contains("shipToName")) {
                order.setText("shipToName", company.displayName());
            }
        }
        if (given.contains("currencyCode") || given.contains("currencyId") || vendorGiven) {
            currency(order, given);
        }
    }

    private static void takeVendor(RecordDraft order, BcRecord vendor, Set<String> given) {
        order.setGuid("vendorId", vendor.id);
        order.setText("vendorNumber", vendor.text("number"));
        order.setText("vendorName", vendor.text("displayName"));
        order.setGuid("payToVendorId", vendor.id);
        order.setText("payToVendorNumber", vendor.text("number"));
        order.setText("payToName", vendor.text("displayName"));
        copyUnlessGiven(order, given, "buyFromAddressLine1", vendor.text("addressLine1"));
        copyUnlessGiven(order, given, "buyFromAddressLine2", vendor.text("addressLine2"));
        copyUnlessGiven(order, given, "buyFromCity", vendor.text("city"));
        copyUnlessGiven(order, given, "buyFromState", vendor.text("state"));
        copyUnlessGiven(order, given, "buyFromCountry", vendor.text("country"));
        copyUnlessGiven(order, given, "buyFromPostCode", vendor.text("postalCode"));
        copyUnlessGiven(order, given, "currencyCode", vendor.text("currencyCode"));
        if (!given.contains("paymentTermsId")) {
            order.setGuid("paymentTermsId", vendor.guid("paymentTermsId"));
        }
    }

    private static void copyUnlessGiven(RecordDraft draft, Set<String> given, String property, String value) {
        if (!given.contains(property)) {
            draft.setText(property, value);
        }
    }

    /**
     * Completes a line of an order: the item it names (by itemId or lineObjectNumber), the defaults it takes
     * from the item and the order, and its amounts.
     *
     * @param inserting true for a new line
     * @param checkChanges whether to refuse what the API refuses to change (sequence, lineObjectNumber)
     */
    void completeLine(RecordDraft order, RecordDraft line, BcRecord before, boolean inserting, Set<String> given,
                      boolean checkChanges) {
        if (checkChanges && before != null) {
            if (given.contains("sequence") && line.number("sequence") != before.number("sequence")) {
                throw BcErrors.dialog("The value for sequence cannot be modified. Delete and insert the line again.");
            }
            if (given.contains("lineObjectNumber") && !before.text("lineObjectNumber").isEmpty()
                    && !line.text("lineObjectNumber").equalsIgnoreCase(before.text("lineObjectNumber"))) {
                throw BcErrors.dialog("The value for \"lineObjectNumber\" cannot be modified. Delete and insert the"
                        + " line again.");
            }
            if (given.contains("documentId") && !line.guid("documentId").equals(before.guid("documentId"))) {
                throw BcErrors.dialog("The value for \"documentId\" cannot be modified.");
            }
        }
        line.setGuid("documentId", order.id);
        if (given.contains("itemId") && !BcRecord.BLANK_GUID.equals(line.guid("itemId"))) {
            line.setText("lineType", "Item");
        } else if (given.contains("accountId") && !BcRecord.BLANK_GUID.equals(line.guid("accountId"))) {
            line.setText("lineType", "Account");
        }
        String type = line.text("lineType");
        String number = line.text("lineObjectNumber");
        if (type.equals("Item")) {
            BcRecord item = given.contains("itemId") ? company.get(Schemas.ITEM, line.guid("itemId"))
                    : number.isEmpty() ? null : company.itemByNumber(number);
            if (item == null) {
                throw BcErrors.dialog(number.isEmpty() && !given.contains("itemId")
                        ? "An \"itemId\" or a \"lineObjectNumber\" must be provided for a line of type Item."
                        : "The item does not exist.");
            }
            line.setGuid("itemId", item.id);
            line.setText("lineObjectNumber", item.text("number"));
            if (inserting || given.contains("itemId") || given.contains("lineObjectNumber")) {
                copyUnlessGiven(line, given, "description", item.text("displayName"));
                copyUnlessGiven(line, given, "unitOfMeasureCode", item.text("baseUnitOfMeasureCode"));
                copyUnlessGiven(line, given, "taxCode", item.text("taxGroupCode"));
                if (!given.contains("directUnitCost")) {
                    line.setScaled("directUnitCost", item.number("unitCost"));
                }
            }
        } else if (type.equals("Account")) {
            if (number.isEmpty() && !given.contains("accountId")) {
                throw BcErrors.dialog("An \"accountId\" or a \"lineObjectNumber\" must be provided for a line of"
                        + " type Account.");
            }
            line.setGuid("accountId", ReferenceData.idOf("glAccount", number));
        } else if (type.equals("Comment") && !number.isEmpty()) {
            throw new BcException(404, BcErrors.RECORD_NOT_FOUND, "The Standard Text does not exist. Identification"
                    + " fields and values: Code='" + number + "'");
        }
        line.setGuid("unitOfMeasureId", ReferenceData.idOf("unitOfMeasure", line.text("unitOfMeasureCode")));
        if (inserting) {
            if (!given.contains("sequence") || line.number("sequence") == 0) {
                line.setNumber("sequence", nextSequence(order));
            }
            if (!given.contains("expectedReceiptDate")) {
                long requested = order.number("requestedReceiptDate");
                line.setNumber("expectedReceiptDate", requested != BcRecord.BLANK_DATE_DAY ? requested
                        : order.number("orderDate"));
            }
        }
        amounts(line, given);
    }

    private static long nextSequence(RecordDraft order) {
        long highest = 0;
        for (RecordDraft existing : order.lines) {
            highest = Math.max(highest, existing.number("sequence"));
        }
        return highest + 10_000;
    }

    private static void amounts(RecordDraft line, Set<String> given) {
        BigDecimal quantity = line.decimal("quantity");
        BigDecimal lineAmount = quantity.multiply(line.decimal("directUnitCost")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal discountPercent = line.decimal("discountPercent");
        BigDecimal discount = discountPercent.signum() != 0
                ? lineAmount.multiply(discountPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : line.decimal("discountAmount");
        BigDecimal excluding = lineAmount.subtract(discount);
        BigDecimal taxPercent = ReferenceData.taxPercent(line.text("taxCode"));
        BigDecimal tax = excluding.multiply(taxPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        line.setDecimal("discountAmount", discount);
        line.setDecimal("amountExcludingTax", excluding);
        line.setDecimal("taxPercent", taxPercent);
        line.setDecimal("totalTaxAmount", tax);
        line.setDecimal("amountIncludingTax", excluding.add(tax));
        line.setDecimal("netAmount", excluding);
        line.setDecimal("netTaxAmount", tax);
        line.setDecimal("netAmountIncludingTax", excluding.add(tax));
        BigDecimal received = line.decimal("receivedQuantity");
        if (!given.contains("receiveQuantity")) {
            line.setDecimal("receiveQuantity", quantity.subtract(received).max(BigDecimal.ZERO));
        }
        if (!given.contains("invoiceQuantity")) {
            line.setDecimal("invoiceQuantity", quantity.subtract(line.decimal("invoicedQuantity")).max(BigDecimal.ZERO));
        }
    }

    /** The order's totals and fullyReceived, from its lines. */
    void totals(RecordDraft order) {
        BigDecimal excluding = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        boolean anyQuantity = false;
        boolean allReceived = true;
        for (RecordDraft line : order.lines) {
            excluding = excluding.add(line.decimal("amountExcludingTax"));
            tax = tax.add(line.decimal("totalTaxAmount"));
            if (line.scaled("quantity") > 0) {
                anyQuantity = true;
                allReceived &= line.scaled("receivedQuantity") >= line.scaled("quantity");
            }
        }
        order.setDecimal("totalAmountExcludingTax", excluding);
        order.setDecimal("totalTaxAmount", tax);
        order.setDecimal("totalAmountIncludingTax", excluding.add(tax));
        order.setFlag("fullyReceived", anyQuantity && allReceived);
    }
}
