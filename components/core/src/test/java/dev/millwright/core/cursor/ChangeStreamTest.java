package dev.millwright.core.cursor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ChangeStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:01Z");
    private static final Instant T2 = Instant.parse("2024-01-01T00:00:02Z");

    private static final RecordIdentity IDENTITY = new RecordIdentity() {
        @Override
        public String remoteId(JsonNode record) {
            return record.get("id").asText();
        }

        @Override
        public String version(JsonNode record) {
            return record.get("v").asText();
        }

        @Override
        public Instant modifiedAt(JsonNode record) {
            return Instant.parse(record.get("at").asText());
        }
    };

    private static ObjectNode record(String id, String version, Instant at) {
        return JSON.createObjectNode().put("id", id).put("v", version).put("at", at.toString());
    }

    @Test
    void recordsCommittedAtTheBoundaryAreSkippedAndOthersRegisteredInOrder() {
        IncrementalCursor start = new IncrementalCursor(T1, Set.of(new RecordVersion("a", "1")));
        CursorTracker tracker = new CursorTracker(start, T2, true);
        List<ObjectNode> source = List.of(record("a", "1", T1), record("a2", "1", T1), record("b", "1", T2));
        List<String> emitted = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(source.iterator(), IDENTITY, start, tracker, () -> { })) {
            stream.forEachRemaining(node -> emitted.add(node.get("id").asText()));
            assertThat(stream.skipped()).isEqualTo(1);
        }

        assertThat(emitted).containsExactly("a2", "b");
        assertThat(tracker.registered()).isEqualTo(2);
    }

    @Test
    void aNewVersionOfABoundaryRecordIsReadAgain() {
        IncrementalCursor start = new IncrementalCursor(T1, Set.of(new RecordVersion("a", "1")));
        CursorTracker tracker = new CursorTracker(start, T2, true);
        try (ChangeStream stream = new ChangeStream(List.of(record("a", "2", T1)).iterator(), IDENTITY, start,
                tracker, () -> { })) {
            assertThat(stream.hasNext()).isTrue();
        }
    }

    @Test
    void closingRunsTheCloseActionOnce() {
        int[] closed = {0};
        IncrementalCursor start = IncrementalCursor.startingAt(T1);
        ChangeStream stream = new ChangeStream(List.<ObjectNode>of().iterator(), IDENTITY, start,
                new CursorTracker(start, T2, true), () -> closed[0]++);
        stream.close();
        stream.close();

        assertThat(closed[0]).isEqualTo(1);
        assertThat(stream.hasNext()).isFalse();
    }
}
