package dev.millwright.mapping.engine.converters;

import static dev.millwright.mapping.engine.converters.ConvertersTest.converter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class ConverterPropertiesTest {

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2200-01-01T00:00:00Z").toEpochMilli()).map(Instant::ofEpochMilli);
    }

    @Provide
    Arbitrary<Instant> instantsWithNanos() {
        return instants().flatMap(instant -> Arbitraries.integers().between(0, 999_999)
                .map(nanos -> instant.plusNanos(nanos)));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Adelaide",
                "Pacific/Chatham").map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2200, 1, 1).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void datetimeWrittenInAnyZoneReadsBackAsTheSameInstant(@ForAll("instantsWithNanos") Instant instant,
            @ForAll("zones") ZoneId zone) {
        Converter datetime = converter("datetime", Map.of("zone", zone.getId()));

        assertThat(datetime.read(datetime.write(instant))).isEqualTo(instant);
    }

    @Property
    void datetimeWithAnyOffsetIsTheInstantItDenotes(@ForAll("instantsWithNanos") Instant instant,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
        String text = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        assertThat(converter("datetime").read(TextNode.valueOf(text))).isEqualTo(instant);
    }

    @Property
    void datetimeFastPathAgreesWithTheJdkParser(@ForAll("instants") Instant instant, @ForAll("zones") ZoneId zone) {
        String local = instant.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(converter("datetime", Map.of("zone", zone.getId())).read(TextNode.valueOf(local)))
                .isEqualTo(java.time.LocalDateTime.parse(local).atZone(zone).toInstant());
    }

    @Property
    void odataDatesRoundTripInBothForms(@ForAll("instants") Instant instant, @ForAll boolean withOffset) {
        Converter odata = converter("odata_date", Map.of("with_offset", String.valueOf(withOffset)));

        assertThat(odata.read(odata.write(instant))).isEqualTo(instant);
    }

    @Property
    void epochMillisRoundTrip(@ForAll("instants") Instant instant) {
        Converter epochMillis = converter("epoch_millis");

        assertThat(epochMillis.read(epochMillis.write(instant))).isEqualTo(instant);
    }

    @Property
    void datesRoundTripInBothWriteForms(@ForAll("dates") LocalDate date, @ForAll boolean asDateTime) {
        Converter dateConverter = converter("date", Map.of("write_as", asDateTime ? "datetime" : "date"));

        assertThat(dateConverter.read(dateConverter.write(date))).isEqualTo(date);
    }

    @Property
    void datePatternsRoundTrip(@ForAll("dates") LocalDate date) {
        Converter pattern = converter("date_pattern", Map.of("pattern", "dd.MM.yyyy"));

        assertThat(pattern.read(pattern.write(date))).isEqualTo(date);
    }

    @Property
    void dateTimePatternsRoundTripToTheMinute(@ForAll("instants") Instant instant, @ForAll("zones") ZoneId zone) {
        Converter pattern = converter("datetime_pattern", Map.of("pattern", "yyyy-MM-dd HH:mm:ss", "zone",
                zone.getId()));
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);

        // a local time in a gap or overlap of the zone names another instant; compare what it shows
        assertThat(pattern.write(pattern.read(pattern.write(seconds)))).isEqualTo(pattern.write(seconds));
    }

    @Property
    void decimalsRoundTripExactly(@ForAll @BigRange(min = "-1000000000",
            max = "1000000000") @Scale(4) BigDecimal value) {
        Converter decimal = converter("decimal");

        assertThat(decimal.read(decimal.write(value))).isEqualTo(value);
    }

    @Property
    void decimalTextReadsAsTheSameNumber(@ForAll @BigRange(min = "-1000000",
            max = "1000000") @Scale(6) BigDecimal value) {
        assertThat(converter("decimal").read(TextNode.valueOf(value.toPlainString()))).isEqualTo(value);
    }

    @Property
    void integersRoundTripAsNumbersAndText(@ForAll @LongRange(min = Long.MIN_VALUE, max = Long.MAX_VALUE) long value) {
        Converter integer = converter("integer");

        assertThat(integer.read(integer.write(value))).isEqualTo(value);
        assertThat(integer.read(TextNode.valueOf(Long.toString(value)))).isEqualTo(value);
    }

    @Property
    void stringsRoundTrip(@ForAll String value) {
        Converter string = converter("string");

        assertThat(string.read(string.write(value))).isEqualTo(value);
    }
}
