package dev.millwright.routes.inbound;

import org.apache.camel.CamelContext;

import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.sync.SyncTrigger;

/**
 * Starts a targeted incremental sync of one entity of a connection; throws {@link SyncPausedException} when the
 * connection's syncs are paused, anything else when the sync cannot be started.
 */
@FunctionalInterface
public interface SyncRequester {

    void requestSync(String connectionId, Entity entity) throws Exception;

    /** Fires the scheduled sync route of the connection and entity ({@link SyncTrigger}); fails when there is none. */
    static SyncRequester scheduledSyncs(CamelContext context) {
        return (connectionId, entity) -> {
            if (!SyncTrigger.triggerNow(context, connectionId, entity.collection(), false)) {
                throw new IllegalStateException("no sync of " + entity.collection() + " is scheduled for connection '"
                        + connectionId + "'");
            }
        };
    }
}
