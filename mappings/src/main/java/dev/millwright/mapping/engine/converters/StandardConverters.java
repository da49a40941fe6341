package dev.millwright.mapping.engine.converters;

import dev.millwright.mapping.ConverterFactory;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The converters every mapping file may name. */
public final class StandardConverters {

    private static final List<ConverterFactory> FACTORIES = List.of(
            ConverterFactory.of("string", Set.of(), arguments -> new StringConverter()),
            ConverterFactory.of("integer", Set.of(), arguments -> new IntegerConverter()),
            ConverterFactory.of("decimal", Set.of(), arguments -> new DecimalConverter()),
            ConverterFactory.of("boolean", Set.of(), arguments -> new BooleanConverter()),
            ConverterFactory.of("datetime", Set.of("zone"), arguments -> new DateTimeConverter(zone(arguments))),
            ConverterFactory.of("date", Set.of("write_as"), arguments -> new DateConverter(writeAsDateTime(arguments))),
            ConverterFactory.of("epoch_millis", Set.of(), arguments -> new EpochMillisConverter()),
            ConverterFactory.of("odata_date", Set.of("with_offset"),
                    arguments -> new ODataDateConverter(flag(arguments, "with_offset"))),
            ConverterFactory.of("date_pattern", Set.of("pattern"),
                    arguments -> new DatePatternConverter(pattern(arguments))),
            ConverterFactory.of("datetime_pattern", Set.of("pattern", "zone"),
                    arguments -> new DateTimePatternConverter(pattern(arguments), zone(arguments))),
            ConverterFactory.of("last_path_segment", Set.of(), arguments -> new LastPathSegmentConverter()));

    private StandardConverters() {
    }

    public static List<ConverterFactory> factories() {
        return FACTORIES;
    }

    private static ZoneId zone(Map<String, String> arguments) {
        String zone = arguments.getOrDefault("zone", "UTC");
        try {
            // normalized: "UTC" and "Z" become ZoneOffset.UTC, which formats as "Z"
            return ZoneId.of(zone).normalized();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + zone + "' is not a time zone id (e.g. UTC, Europe/Berlin)", e);
        }
    }

    private static DateTimeFormatter pattern(Map<String, String> arguments) {
        String pattern = arguments.get("pattern");
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("needs a pattern, e.g. pattern: \"dd.MM.yyyy\"");
        }
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pattern '" + pattern + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static boolean writeAsDateTime(Map<String, String> arguments) {
        String writeAs = arguments.getOrDefault("write_as", "date");
        return switch (writeAs) {
            case "date" -> false;
            case "datetime" -> true;
            default -> throw new IllegalArgumentException("write_as must be date or datetime, not '" + writeAs + "'");
        };
    }

    private static boolean flag(Map<String, String> arguments, String name) {
        String value = arguments.getOrDefault(name, "false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }
}
