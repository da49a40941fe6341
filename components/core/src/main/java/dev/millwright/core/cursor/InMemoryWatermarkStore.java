package dev.millwright.core.cursor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link WatermarkStore} for tests and plain Camel use; forgets everything when the JVM stops. */
public final class InMemoryWatermarkStore implements WatermarkStore {

    private final Map<CursorKey, IncrementalCursor> cursors = new ConcurrentHashMap<>();

    @Override
    public Optional<IncrementalCursor> load(CursorKey key) {
        return Optional.ofNullable(cursors.get(key));
    }

    @Override
    public void save(CursorKey key, IncrementalCursor cursor) {
        cursors.put(key, cursor);
    }

    @Override
    public void delete(CursorKey key) {
        cursors.remove(key);
    }
}
