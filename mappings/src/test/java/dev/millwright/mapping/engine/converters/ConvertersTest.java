package dev.millwright.mapping.engine.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import dev.millwright.mapping.ConverterRegistry;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertersTest {

    static Converter converter(String name) {
        return converter(name, Map.of());
    }

    static Converter converter(String name, Map<String, String> arguments) {
        return ConverterRegistry.standard().find(name).orElseThrow().create(arguments);
    }

    private static TextNode text(String value) {
        return TextNode.valueOf(value);
    }

    @Nested
    class StringConverter {

        @Test
        void readsTextNumbersAndBooleansAsText() {
            Converter string = converter("string");

            assertThat(string.read(text("BR430"))).isEqualTo("BR430");
            assertThat(string.read(IntNode.valueOf(2))).isEqualTo("2");
            assertThat(string.read(DecimalNode.valueOf(new BigDecimal("2.50")))).isEqualTo("2.50");
            assertThat(string.read(BooleanNode.TRUE)).isEqualTo("true");
        }

        @Test
        void rejectsObjects() {
            assertThatThrownBy(() -> converter("string").read(JsonNodeFactory.instance.objectNode()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an object");
        }

        @Test
        void writesText() {
            assertThat(converter("string").write("BR430")).isEqualTo(text("BR430"));
        }
    }

    @Nested
    class IntegerConverter {

        @Test
        void readsWholeNumbersFromNumbersAndText() {
            Converter integer = converter("integer");

            assertThat(integer.read(IntNode.valueOf(2))).isEqualTo(2L);
            assertThat(integer.read(DoubleNode.valueOf(10.0))).isEqualTo(10L);
            assertThat(integer.read(text(" 42 "))).isEqualTo(42L);
            assertThat(integer.read(text("7.00"))).isEqualTo(7L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2.5", "high", ""})
        void rejectsTextThatIsNoWholeNumber(String value) {
            assertThatThrownBy(() -> converter("integer").read(text(value)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void writesANumber() {
            assertThat(converter("integer").write(2L)).isEqualTo(IntNode.valueOf(2));
            assertThat(converter("integer").write(1L << 40)).isEqualTo(LongNode.valueOf(1L << 40));
        }
    }

    @Nested
    class DecimalConverter {

        @Test
        void readsExactDecimalsFromNumbersAndText() {
            Converter decimal = converter("decimal");

            assertThat(decimal.read(DoubleNode.valueOf(245.75))).isEqualTo(new BigDecimal("245.75"));
            assertThat(decimal.read(DecimalNode.valueOf(new BigDecimal("1277.50"))))
                    .isEqualTo(new BigDecimal("1277.50"));
            assertThat(decimal.read(text("0.1"))).isEqualTo(new BigDecimal("0.1"));
        }

        @Test
        void rejectsNonNumericText() {
            assertThatThrownBy(() -> converter("decimal").read(text("four")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a number");
        }

        @Test
        void writesAnExactNumber() {
            assertThat(converter("decimal").write(new BigDecimal("12.50")).decimalValue())
                    .isEqualTo(new BigDecimal("12.50"));
        }
    }

    @Nested
    class BooleanConverter {

        @ParameterizedTest
        @CsvSource({"true,true", "FALSE,false", "y,true", "No,false", "1,true", "0,false"})
        void readsCommonBooleanTexts(String value, boolean expected) {
            assertThat(converter("boolean").read(text(value))).isEqualTo(expected);
        }

        @Test
        void readsJsonBooleansAndZeroOrOne() {
            assertThat(converter("boolean").read(BooleanNode.FALSE)).isEqualTo(false);
            assertThat(converter("boolean").read(IntNode.valueOf(1))).isEqualTo(true);
        }

        @Test
        void rejectsOtherValues() {
            assertThatThrownBy(() -> converter("boolean").read(text("maybe")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> converter("boolean").read(IntNode.valueOf(2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DateTimeConverter {

        @ParameterizedTest
        @CsvSource({
                "2024-01-15T10:30:00-05:00, 2024-01-15T15:30:00Z",
                "2024-01-15T15:30:00Z, 2024-01-15T15:30:00Z",
                "2024-01-15T15:30:00z, 2024-01-15T15:30:00Z",
                "2024-01-15T15:30Z, 2024-01-15T15:30:00Z",
                "2024-01-15T15:30:00.123Z, 2024-01-15T15:30:00.123Z",
                "2024-01-15T15:30:00.123456789+00:00, 2024-01-15T15:30:00.123456789Z",
                "2024-01-15T21:00:00+0530, 2024-01-15T15:30:00Z",
                "2024-01-15T17:30:00+02, 2024-01-15T15:30:00Z",
                "2024-01-15 10:30:00-05:00, 2024-01-15T15:30:00Z",
                "2024-01-15T15:30:00, 2024-01-15T15:30:00Z",
                "2024-01-15T16:30:00+01:00[Europe/Paris], 2024-01-15T15:30:00Z"})
        void readsIsoDateTimes(String value, String expected) {
            assertThat(converter("datetime").read(text(value))).isEqualTo(Instant.parse(expected));
        }

        @Test
        void readsLocalDateTimesInTheGivenZone() {
            Converter berlin = converter("datetime", Map.of("zone", "Europe/Berlin"));

            assertThat(berlin.read(text("2024-01-15T16:30:00"))).isEqualTo(Instant.parse("2024-01-15T15:30:00Z"));
            assertThat(berlin.read(text("2024-07-15T17:30:00"))).isEqualTo(Instant.parse("2024-07-15T15:30:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2024-01-15T25:00:00Z", "2024-01-15T10:30:00+5",
                "2024-01-15", "15.01.2024 10:30"})
        void rejectsWhatIsNoIsoDateTime(String value) {
            assertThatThrownBy(() -> converter("datetime").read(text(value))).isInstanceOf(DateTimeException.class);
        }

        @Test
        void writesUtcWithZByDefault() {
            assertThat(converter("datetime").write(Instant.parse("2024-01-15T15:30:00Z")))
                    .isEqualTo(text("2024-01-15T15:30:00Z"));
        }

        @Test
        void writesWithTheOffsetOfTheGivenZone() {
            assertThat(converter("datetime", Map.of("zone",
                    "America/New_York")).write(Instant.parse("2024-01-15T15:30:00Z")))
                    .isEqualTo(text("2024-01-15T10:30:00-05:00"));
        }

        @Test
        void rejectsAnUnknownZone() {
            assertThatThrownBy(() -> converter("datetime", Map.of("zone", "Mars/Olympus")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus");
        }
    }

    @Nested
    class DateConverter {

        @Test
        void readsIsoDates() {
            assertThat(converter("date").read(text("2024-01-15"))).isEqualTo(LocalDate.of(2024, 1, 15));
        }

        @Test
        void takesTheDatePartOfADateTimeAsWritten() {
            assertThat(converter("date").read(text("2024-01-15T22:00:00-05:00"))).isEqualTo(LocalDate.of(2024, 1, 15));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-02-30", "15.01.2024", "2024-01-15Tnoon"})
        void rejectsWhatIsNoIsoDate(String value) {
            assertThatThrownBy(() -> converter("date").read(text(value))).isInstanceOf(DateTimeException.class);
        }

        @Test
        void writesAnIsoDateOrTheLocalStartOfDay() {
            LocalDate date = LocalDate.of(2024, 1, 15);

            assertThat(converter("date").write(date)).isEqualTo(text("2024-01-15"));
            assertThat(converter("date", Map.of("write_as", "datetime")).write(date))
                    .isEqualTo(text("2024-01-15T00:00:00"));
        }
    }

    @Nested
    class EpochMillisConverter {

        @Test
        void readsMillisecondsFromNumbersAndText() {
            assertThat(converter("epoch_millis").read(LongNode.valueOf(1473638400000L)))
                    .isEqualTo(Instant.parse("2016-09-12T00:00:00Z"));
            assertThat(converter("epoch_millis").read(text("1473638400000")))
                    .isEqualTo(Instant.parse("2016-09-12T00:00:00Z"));
        }

        @Test
        void writesMilliseconds() {
            assertThat(converter("epoch_millis").write(Instant.parse("2016-09-12T00:00:00Z")))
                    .isEqualTo(LongNode.valueOf(1473638400000L));
        }
    }

    @Nested
    class ODataDateConverter {

        @Test
        void readsEdmDateTime() {
            assertThat(converter("odata_date").read(text("/Date(1473638400000)/")))
                    .isEqualTo(Instant.parse("2016-09-12T00:00:00Z"));
        }

        @Test
        void readsEdmDateTimeOffsetWhoseMillisecondsAreUtc() {
            assertThat(converter("odata_date").read(text("/Date(1583073519000+0000)/")))
                    .isEqualTo(Instant.parse("2020-03-01T14:38:39Z"));
            assertThat(converter("odata_date").read(text("/Date(1583073519000-0300)/")))
                    .isEqualTo(Instant.parse("2020-03-01T14:38:39Z"));
        }

        @Test
        void readsDatesBefore1970() {
            assertThat(converter("odata_date").read(text("/Date(-86400000)/")))
                    .isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Date(1473638400000)", "/Date()/", "/Date(abc)/", "2016-09-12"})
        void rejectsOtherText(String value) {
            assertThatThrownBy(() -> converter("odata_date").read(text(value)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OData date");
        }

        @Test
        void writesEitherForm() {
            Instant instant = Instant.parse("2020-03-01T14:38:39Z");

            assertThat(converter("odata_date").write(instant)).isEqualTo(text("/Date(1583073519000)/"));
            assertThat(converter("odata_date", Map.of("with_offset", "true")).write(instant))
                    .isEqualTo(text("/Date(1583073519000+0000)/"));
        }
    }

    @Nested
    class PatternConverters {

        @Test
        void datePatternReadsAndWritesThePattern() {
            Converter german = converter("date_pattern", Map.of("pattern", "dd.MM.yyyy"));

            assertThat(german.read(text("15.01.2024"))).isEqualTo(LocalDate.of(2024, 1, 15));
            assertThat(german.write(LocalDate.of(2024, 1, 5))).isEqualTo(text("05.01.2024"));
        }

        @Test
        void datePatternRejectsOtherText() {
            assertThatThrownBy(() -> converter("date_pattern", Map.of("pattern",
                    "dd.MM.yyyy")).read(text("2024-01-15")))
                    .isInstanceOf(DateTimeException.class);
        }

        @Test
        void dateTimePatternReadsLocalTimesInItsZone() {
            Converter us = converter("datetime_pattern", Map.of("pattern", "MM/dd/yyyy HH:mm", "zone",
                    "America/Chicago"));

            assertThat(us.read(text("01/15/2024 09:30"))).isEqualTo(Instant.parse("2024-01-15T15:30:00Z"));
            assertThat(us.write(Instant.parse("2024-01-15T15:30:00Z"))).isEqualTo(text("01/15/2024 09:30"));
        }

        @Test
        void dateTimePatternWithAnOffsetUsesIt() {
            Converter withOffset = converter("datetime_pattern", Map.of("pattern", "yyyyMMddHHmmssXX"));

            assertThat(withOffset.read(text("20240115103000-0500"))).isEqualTo(Instant.parse("2024-01-15T15:30:00Z"));
        }

        @Test
        void patternIsRequiredAndMustBeValid() {
            assertThatThrownBy(() -> converter("date_pattern")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pattern");
            assertThatThrownBy(() -> converter("date_pattern", Map.of("pattern", "dd.MM.yyyy{")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid");
        }
    }

    @Nested
    class LastPathSegmentConverter {

        @ParameterizedTest
        @CsvSource({
                "http://host/maximo/oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAw, _QkVERk9SRC8xMDAw",
                "oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAw, _QkVERk9SRC8xMDAw",
                "oslc/os/mxapipo/_MTAy/?lean=1, _MTAy",
                "https://host/record/v1/vendor/107#main, 107",
                "1000, 1000"})
        void readsTheLastSegment(String uri, String expected) {
            assertThat(converter("last_path_segment").read(text(uri))).isEqualTo(expected);
        }

        @Test
        void rejectsAUriWithoutSegment() {
            assertThatThrownBy(() -> converter("last_path_segment").read(text("/")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void onlyReads() {
            assertThat(converter("last_path_segment").writable()).isFalse();
        }
    }

    @Test
    void registryKnowsEveryStandardConverter() {
        assertThat(ConverterRegistry.standard().names()).contains("string", "integer", "decimal", "boolean", "datetime",
                "date", "epoch_millis", "odata_date", "date_pattern", "datetime_pattern", "last_path_segment");
    }

    @Test
    void registryTakesMoreConverters() {
        Converter upper = new Converter() {
            @Override
            public Class<?> valueType() {
                return String.class;
            }

            @Override
            public Object read(JsonNode value) {
                return value.asText().toUpperCase();
            }

            @Override
            public JsonNode write(Object value) {
                return TextNode.valueOf(value.toString().toLowerCase());
            }
        };
        ConverterRegistry registry = ConverterRegistry.standard()
                .with(dev.millwright.mapping.ConverterFactory.of("upper", java.util.Set.of(), arguments -> upper));

        assertThat(registry.find("upper").orElseThrow().create(Map.of()).read(text("br430"))).isEqualTo("BR430");
    }
}
