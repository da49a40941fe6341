package dev.millwright.component.maximo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the OSLC query string of an incremental read. */
final class MaximoQuery {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);

    private MaximoQuery() {
    }

    /** A Maximo date literal; Maximo keeps whole seconds, so the instant is truncated (the filter is inclusive). */
    static String dateLiteral(Instant instant) {
        return "\"" + LITERAL.format(instant.truncatedTo(ChronoUnit.SECONDS)) + "\"";
    }

    static String changesSince(MaximoConfiguration configuration, Instant from, int pageSize) {
        String where = configuration.getModifiedAttribute() + ">=" + dateLiteral(from);
        if (configuration.getWhere() != null && !configuration.getWhere().isBlank()) {
            where = where + " and " + configuration.getWhere().trim();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lean", "1");
        parameters.put("oslc.select", configuration.getSelect());
        parameters.put("oslc.where", where);
        parameters.put("oslc.orderBy", "+" + configuration.getModifiedAttribute());
        parameters.put("oslc.pageSize", Integer.toString(pageSize));
        if (configuration.isStablePaging()) {
            parameters.put("stablepaging", "true");
        }
        if (configuration.isRelativeUri()) {
            parameters.put("relativeuri", "1");
        }
        return encode(parameters);
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + component(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
