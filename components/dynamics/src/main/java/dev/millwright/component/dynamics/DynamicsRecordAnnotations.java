package dev.millwright.component.dynamics;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Instance annotations the client adds to the records it reads (OData's {@code @namespace.term} form, which
 * Business Central never sends and never reads), for what a mapping cannot derive from one field:
 * <ul>
 *   <li>{@value #STATUS}: a purchase order's status, {@code Received} for an {@code Open} order whose
 *       {@code fullyReceived} is true; a fixed asset's state from its flags: {@code Under Maintenance},
 *       {@code Blocked}, {@code Inactive} (custom pages with an {@code inactive} flag) or {@code Active};</li>
 *   <li>{@value #CURRENCY}: the currency code with BC's empty code (the local currency) replaced by the company's
 *       local currency.</li>
 * </ul>
 * Every other property stays as Business Central sent it.
 */
final class DynamicsRecordAnnotations {

    static final String PREFIX = "@millwright.";
    static final String STATUS = PREFIX + "status";
    static final String CURRENCY = PREFIX + "currencyCode";

    private DynamicsRecordAnnotations() {
    }

    /**
     * @param localCurrency the company's local currency, asked for only when a record has an empty currency code
     */
    static void annotate(String entitySet, ObjectNode record, Supplier<String> localCurrency) {
        switch (entitySet) {
            case DynamicsEntitySets.PURCHASE_ORDERS -> {
                orderStatus(record);
                currency(record, localCurrency);
            }
            case DynamicsEntitySets.FIXED_ASSETS -> assetState(record);
            case DynamicsEntitySets.VENDORS -> currency(record, localCurrency);
            default -> { }
        }
    }

    private static void orderStatus(ObjectNode order) {
        JsonNode status = order.get("status");
        if (status == null || !status.isTextual()) {
            return;
        }
        boolean received = status.textValue().equals("Open") && order.path("fullyReceived").asBoolean(false);
        order.put(STATUS, received ? "Received" : status.textValue());
    }

    private static void assetState(ObjectNode asset) {
        if (!asset.has("underMaintenance") && !asset.has("blocked") && !asset.has("inactive")) {
            return;
        }
        String state;
        if (asset.path("underMaintenance").asBoolean(false)) {
            state = "Under Maintenance";
        } else if (asset.path("blocked").asBoolean(false)) {
            state = "Blocked";
        } else if (asset.path("inactive").asBoolean(false)) {
            state = "Inactive";
        } else {
            state = "Active";
        }
        asset.put(STATUS, state);
    }

    private static void currency(ObjectNode record, Supplier<String> localCurrency) {
        JsonNode code = record.get("currencyCode");
        if (code == null || !code.isTextual()) {
            return;
        }
        String currency = code.textValue().isBlank() ? localCurrency.get() : code.textValue();
        if (currency != null && !currency.isBlank()) {
            record.put(CURRENCY, currency);
        }
    }
}
