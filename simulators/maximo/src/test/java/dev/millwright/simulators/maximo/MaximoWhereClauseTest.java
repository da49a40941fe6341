package dev.millwright.simulators.maximo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The where clause parser on its own; its matching is tested over HTTP in MaximoQueryTest. */
class MaximoWhereClauseTest {
    private static final ObjectStructure WORK_ORDERS = ObjectStructures.WORK_ORDERS;
    private static final MaximoDates UTC = new MaximoDates(ZoneOffset.UTC);

    @Test
    void changedateClausesGiveTheRangeForTheIndex() {
        MaximoWhereClause where = parse("changedate>\"2024-01-01T00:00:00Z\" and changedate<=\"2024-02-01T00:00:00Z\"");

        assertThat(where.lowerBound(WORK_ORDERS.changedate()))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() + 1);
        assertThat(where.upperBound(WORK_ORDERS.changedate()))
                .isEqualTo(Instant.parse("2024-02-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void clausesOnOtherAttributesLeaveTheRangeOpen() {
        MaximoWhereClause where = parse("status=\"APPR\"");

        assertThat(where.lowerBound(WORK_ORDERS.changedate())).isEqualTo(Long.MIN_VALUE);
        assertThat(where.upperBound(WORK_ORDERS.changedate())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void singleQuotesAndSpiPrefixesAreAccepted() {
        assertThat(parse("spi:status in ['APPR', 'WAPPR'] and siteid='BEDFORD'").text()).isNotEmpty();
    }

    @Test
    void orIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> parse("status=\"APPR\" or status=\"WAPPR\""))
                .isInstanceOf(MaximoException.class).hasMessageContaining("'or' is not supported");
    }

    @Test
    void unclosedStringIsReported() {
        assertThatThrownBy(() -> parse("status=\"APPR"))
                .isInstanceOf(MaximoException.class).hasMessageContaining("not closed");
    }

    @Test
    void emptyInListIsReported() {
        assertThatThrownBy(() -> parse("status in []"))
                .isInstanceOf(MaximoException.class).hasMessageContaining("empty");
    }

    @Test
    void percentInAStringEqualityIsAWildcard() {
        RecordDraft draft = new RecordDraft(WORK_ORDERS).set("description", "Inspect Centrifugal Pump")
                .set("changedate", 0L);
        MaximoRecord record = new MaximoRecord(WORK_ORDERS, 0, "k", draft.row, null);

        assertThat(parse("description=\"%pump%\"").test(record)).isTrue();
        assertThat(parse("description=\"%boiler%\"").test(record)).isFalse();
    }

    private static MaximoWhereClause parse(String text) {
        return MaximoWhereClause.parse(text, WORK_ORDERS, UTC);
    }
}
