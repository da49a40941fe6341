package dev.millwright.core.cursor;

import java.util.Optional;

/** Keeps incremental cursors between syncs. Implementations must be safe for concurrent use. */
public interface WatermarkStore {

    Optional<IncrementalCursor> load(CursorKey key);

    void save(CursorKey key, IncrementalCursor cursor);

    void delete(CursorKey key);
}
