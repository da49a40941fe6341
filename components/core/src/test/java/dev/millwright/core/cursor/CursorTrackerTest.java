package dev.millwright.core.cursor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CursorTrackerTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:01Z");
    private static final Instant T2 = Instant.parse("2024-01-01T00:00:02Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void cursorStaysAtTheStartUntilSomethingIsCommitted() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, true);
        tracker.register("a", "1", T1);

        assertThat(tracker.cursor()).isEqualTo(IncrementalCursor.startingAt(T0));
    }

    @Test
    void cursorAdvancesOverTheCommittedPrefixOnly() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, true);
        long a = tracker.register("a", "1", T1);
        long b = tracker.register("b", "1", T2);

        tracker.markCommitted(b);
        assertThat(tracker.cursor().watermark()).isEqualTo(T0);

        tracker.markCommitted(a);
        assertThat(tracker.cursor()).isEqualTo(new IncrementalCursor(T2, Set.of(new RecordVersion("b", "1"))));
    }

    @Test
    void recordsSharingTheWatermarkAllEnterTheBoundary() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, true);
        for (String id : new String[] {"a", "b", "c"}) {
            tracker.markCommitted(tracker.register(id, "7", T1));
        }

        assertThat(tracker.cursor().boundary()).containsExactlyInAnyOrder(
                new RecordVersion("a", "7"), new RecordVersion("b", "7"), new RecordVersion("c", "7"));
    }

    @Test
    void boundaryOfTheStartIsKeptWhenNewRecordsShareItsWatermark() {
        IncrementalCursor start = new IncrementalCursor(T1, Set.of(new RecordVersion("a", "1")));
        CursorTracker tracker = new CursorTracker(start, FAR, true);
        tracker.markCommitted(tracker.register("b", "1", T1));

        assertThat(tracker.cursor().boundary())
                .containsExactlyInAnyOrder(new RecordVersion("a", "1"), new RecordVersion("b", "1"));
    }

    @Test
    void watermarkNeverPassesTheCap() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), T1, true);
        tracker.markCommitted(tracker.register("a", "1", T1));
        tracker.markCommitted(tracker.register("b", "1", T2));

        assertThat(tracker.cursor()).isEqualTo(new IncrementalCursor(T1, Set.of(new RecordVersion("a", "1"))));
    }

    @Test
    void olderRecordsReadAgainThroughTheLookbackDoNotMoveTheWatermarkBack() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T1), FAR, true);
        tracker.markCommitted(tracker.register("old", "1", T0));

        assertThat(tracker.cursor()).isEqualTo(IncrementalCursor.startingAt(T1));
    }

    @Test
    void unorderedReadsMoveTheCursorOnlyWhenEverythingIsCommitted() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, false);
        tracker.markCommitted(tracker.register("b", "1", T2));
        long a = tracker.register("a", "1", T1);
        tracker.readComplete();
        assertThat(tracker.cursor().watermark()).isEqualTo(T0);

        tracker.markCommitted(a);
        assertThat(tracker.fullyCommitted()).isTrue();
        assertThat(tracker.cursor().watermark()).isEqualTo(T2);
    }

    @Test
    void committingTwiceOrAnUnknownSequenceChangesNothing() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, true);
        long a = tracker.register("a", "1", T1);
        tracker.markCommitted(a);
        tracker.markCommitted(a);
        tracker.markCommitted(42);

        assertThat(tracker.committed()).isEqualTo(1);
        assertThat(tracker.cursor().watermark()).isEqualTo(T1);
    }

    @Test
    void aLongReadKeepsOnlyUncommittedRecords() {
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(T0), FAR, true);
        for (int i = 0; i < 100_000; i++) {
            tracker.markCommitted(tracker.register("r" + i, "1", T0.plusSeconds(i)));
        }

        assertThat(tracker.committed()).isEqualTo(100_000);
        assertThat(tracker.cursor().watermark()).isEqualTo(T0.plusSeconds(99_999));
    }
}
