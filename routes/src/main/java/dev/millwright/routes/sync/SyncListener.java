package dev.millwright.routes.sync;

import dev.millwright.routes.store.StoreResult;

/**
 * Told about sync progress (metrics, events). Every bean of this type in the Camel registry is called; a listener
 * must not throw and must be quick (it runs on the sync's thread).
 */
public interface SyncListener {

    /** A batch reached the sink: what the store did (null when the sink is not the canonical store). */
    default void batchCommitted(SyncRun run, int mapped, int failed, StoreResult result) {
    }

    /** The run ended, done or failed. */
    default void runFinished(SyncRun run) {
    }
}
