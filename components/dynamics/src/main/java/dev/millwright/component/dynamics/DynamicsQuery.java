package dev.millwright.component.dynamics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the OData query of an incremental read: {@code $filter=lastModifiedDateTime ge 2024-01-01T00:00:00Z}
 * (an unquoted Edm.DateTimeOffset literal; a quoted one is refused by BC as a string), ordered by the same
 * property, with the lines of purchase orders expanded.
 */
final class DynamicsQuery {

    private DynamicsQuery() {
    }

    /** An OData date-time literal; BC keeps milliseconds, so the instant is kept to the millisecond (inclusive). */
    static String dateTimeLiteral(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String changesSince(DynamicsConfiguration configuration, String entitySet, Instant from) {
        String modified = configuration.getModifiedProperty();
        String filter = modified + " ge " + dateTimeLiteral(from);
        if (configuration.getFilter() != null && !configuration.getFilter().isBlank()) {
            filter = filter + " and (" + configuration.getFilter().trim() + ")";
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("$filter", filter);
        if (configuration.isOrderByModifiedTime()) {
            options.put("$orderby", modified + " asc");
        }
        if (expandsLines(configuration, entitySet)) {
            options.put("$expand", DynamicsEntitySets.PURCHASE_ORDER_LINES);
        }
        return encode(options);
    }

    static boolean expandsLines(DynamicsConfiguration configuration, String entitySet) {
        return configuration.isExpandLines() && entitySet.equals(DynamicsEntitySets.PURCHASE_ORDERS);
    }

    static String encode(Map<String, String> options) {
        return options.entrySet().stream()
                .map(option -> option.getKey() + "=" + component(option.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
