package dev.millwright.component.s4hana;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData V2 dates: JSON values {@code /Date(1473638400000)/} (Edm.DateTime) and {@code /Date(1583073519000+0000)/}
 * (Edm.DateTimeOffset), whose milliseconds are UTC in both forms; and URI literals
 * {@code datetimeoffset'2024-01-01T00:00:00Z'} and {@code datetime'2024-01-01T00:00:00'}.
 */
final class ODataDates {

    private static final Pattern JSON_DATE = Pattern.compile("/Date\\((-?\\d{1,18})([+-]\\d{1,4})?\\)/");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private ODataDates() {
    }

    /** The instant of an OData JSON date (or an ISO-8601 instant); null when it is neither. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = JSON_DATE.matcher(text.trim());
        if (matcher.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The filter literal of an instant for a property of type Edm.DateTimeOffset or Edm.DateTime. */
    static String literal(Instant instant, boolean offset) {
        String local = LOCAL.format(instant);
        if (local.endsWith(".000")) {
            local = local.substring(0, local.length() - 4);
        }
        return offset ? "datetimeoffset'" + local + "Z'" : "datetime'" + local + "'";
    }
}
