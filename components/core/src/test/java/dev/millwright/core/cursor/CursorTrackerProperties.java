package dev.millwright.core.cursor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the commit order, the cursor never skips a record that was not committed: every uncommitted record
 * of an ordered read is read again from the cursor, and every record committed in the prefix is not.
 */
class CursorTrackerProperties {

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Property(tries = 300)
    void noUncommittedRecordIsEverSkipped(@ForAll @IntRange(min = 1, max = 60) int count,
            @ForAll @IntRange(min = 1, max = 5) int distinctTimes, @ForAll long seed) {
        Random random = new Random(seed);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(BASE.plusSeconds(random.nextInt(distinctTimes)));
        }
        Collections.sort(times);
        CursorTracker tracker = new CursorTracker(IncrementalCursor.startingAt(BASE), BASE.plusSeconds(3600), true);
        for (int i = 0; i < count; i++) {
            tracker.register("r" + i, "v", times.get(i));
        }
        List<Integer> commitOrder = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commitOrder.add(i);
        }
        Collections.shuffle(commitOrder, random);
        boolean[] committed = new boolean[count];
        for (int sequence : commitOrder) {
            tracker.markCommitted(sequence);
            committed[sequence] = true;
            IncrementalCursor cursor = tracker.cursor();
            for (int i = 0; i < count; i++) {
                boolean readAgain = !times.get(i).isBefore(cursor.watermark())
                        && !cursor.alreadyCommitted("r" + i, "v", times.get(i));
                if (!committed[i]) {
                    assertThat(readAgain).as("uncommitted record %d must be read again", i).isTrue();
                }
            }
        }
        IncrementalCursor end = tracker.cursor();
        for (int i = 0; i < count; i++) {
            boolean readAgain = !times.get(i).isBefore(end.watermark())
                    && !end.alreadyCommitted("r" + i, "v", times.get(i));
            assertThat(readAgain).as("committed record %d must not be read again", i).isFalse();
        }
    }
}
