package dev.millwright.component.dynamics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.ValidationFailedException;

/**
 * Turns a record to write into the body Business Central takes: annotations dropped ({@code @odata.etag}, the
 * client's own), the local currency written as BC's empty currency code, lines that name an item number typed
 * {@code Item} (BC's default line type is Comment); an update of purchase order lines refused, since BC does not
 * update lines through their order.
 */
final class DynamicsWriteBody {

    private DynamicsWriteBody() {
    }

    static ObjectNode forCreate(String entitySet, ObjectNode record, Supplier<String> localCurrency) {
        ObjectNode body = withoutAnnotations(record);
        currency(body, localCurrency);
        JsonNode lines = body.get(DynamicsEntitySets.PURCHASE_ORDER_LINES);
        if (entitySet.equals(DynamicsEntitySets.PURCHASE_ORDERS) && lines != null && lines.isArray()) {
            for (JsonNode line : lines) {
                if (line instanceof ObjectNode object) {
                    itemLine(object);
                }
            }
        }
        return body;
    }

    /**
     * @throws ValidationFailedException when the changes name the lines of a purchase order
     */
    static ObjectNode forUpdate(String entitySet, ObjectNode changes, Supplier<String> localCurrency,
                                ErrorContext context) {
        if (entitySet.equals(DynamicsEntitySets.PURCHASE_ORDERS) && changes.has(DynamicsEntitySets.PURCHASE_ORDER_LINES)) {
            throw new ValidationFailedException("Business Central does not update purchase order lines with their"
                    + " order (no deep update); update the order without lines", List.of(new FieldError(
                    DynamicsEntitySets.PURCHASE_ORDER_LINES, "not updatable with the order")), context);
        }
        ObjectNode body = withoutAnnotations(changes);
        currency(body, localCurrency);
        return body;
    }

    static boolean hasLines(ObjectNode body) {
        JsonNode lines = body.get(DynamicsEntitySets.PURCHASE_ORDER_LINES);
        return lines != null && lines.isArray() && !lines.isEmpty();
    }

    private static ObjectNode withoutAnnotations(ObjectNode record) {
        ObjectNode body = record.deepCopy();
        removeAnnotations(body);
        JsonNode lines = body.get(DynamicsEntitySets.PURCHASE_ORDER_LINES);
        if (lines != null && lines.isArray()) {
            lines.forEach(line -> {
                if (line instanceof ObjectNode object) {
                    removeAnnotations(object);
                }
            });
        }
        return body;
    }

    private static void removeAnnotations(ObjectNode node) {
        List<String> annotations = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("@")) {
                annotations.add(name);
            }
        }
        node.remove(annotations);
    }

    private static void currency(ObjectNode body, Supplier<String> localCurrency) {
        JsonNode code = body.get("currencyCode");
        if (code != null && code.isTextual() && !code.textValue().isBlank()
                && code.textValue().equalsIgnoreCase(localCurrency.get())) {
            body.put("currencyCode", "");
        }
    }

    private static void itemLine(ObjectNode line) {
        JsonNode number = line.get("lineObjectNumber");
        if (!line.has("lineType") && !line.has("itemId") && !line.has("accountId") && number != null
                && number.isTextual() && !number.textValue().isBlank()) {
            line.put("lineType", "Item");
        }
    }
}
