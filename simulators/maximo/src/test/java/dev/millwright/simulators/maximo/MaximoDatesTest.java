package dev.millwright.simulators.maximo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaximoDatesTest {
    private static final long JAN_15 = Instant.parse("2024-01-15T15:30:00Z").getEpochSecond();
    private static final long JUL_15 = Instant.parse("2024-07-15T15:30:00Z").getEpochSecond();

    @Test
    void utcIsWrittenAsPlusZeroNotZ() {
        assertThat(new MaximoDates(ZoneOffset.UTC).format(JAN_15)).isEqualTo("2024-01-15T15:30:00+00:00");
    }

    @Test
    void zoneOffsetFollowsDaylightSavingTime() {
        MaximoDates eastern = new MaximoDates(ZoneId.of("America/New_York"));

        assertThat(eastern.format(JAN_15)).isEqualTo("2024-01-15T10:30:00-05:00");
        assertThat(eastern.format(JUL_15)).isEqualTo("2024-07-15T11:30:00-04:00");
    }

    @Test
    void halfHourOffsetsAndDatesBeforeTheEpochAreWritten() {
        assertThat(new MaximoDates(ZoneId.of("Asia/Kolkata")).format(JAN_15)).isEqualTo("2024-01-15T21:00:00+05:30");
        assertThat(new MaximoDates(ZoneOffset.UTC).format(-1)).isEqualTo("1969-12-31T23:59:59+00:00");
    }

    @Test
    void parsesOffsetsZoneLessDateTimesAndBareDates() {
        MaximoDates dates = new MaximoDates(ZoneOffset.ofHours(2));

        assertThat(dates.parse("2024-01-15T15:30:00-00:00")).isEqualTo(JAN_15);
        assertThat(dates.parse("2024-01-15T17:30:00+02:00")).isEqualTo(JAN_15);
        assertThat(dates.parse("2024-01-15T15:30:00.750Z")).isEqualTo(JAN_15);
        assertThat(dates.parse("2024-01-15T17:30:00")).isEqualTo(JAN_15);
        assertThat(dates.parse("2024-01-15")).isEqualTo(Instant.parse("2024-01-14T22:00:00Z").getEpochSecond());
    }

    @Test
    void rejectsWhatIsNoDate() {
        assertThatThrownBy(() -> new MaximoDates(ZoneOffset.UTC).parse("yesterday"))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
