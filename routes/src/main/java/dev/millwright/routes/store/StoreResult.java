package dev.millwright.routes.store;

import java.util.List;

/**
 * What a batch write did: the changes it made, the records it left as they were (same version already
 * stored), and the stale ones it refused (an older version than the one stored).
 */
public record StoreResult(List<StoreChange> changes, int unchanged, int stale) {

    public StoreResult {
        changes = List.copyOf(changes);
    }

    public int written() {
        return changes.size();
    }
}
