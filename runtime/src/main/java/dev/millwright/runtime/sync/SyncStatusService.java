package dev.millwright.runtime.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.millwright.core.capability.Operation;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.sync.SyncCoordinator;
import dev.millwright.runtime.api.EntitySyncStatus;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.SystemCatalog;

/** The sync status of every readable entity of a connection, from its runs, cursor and schedule. */
@ApplicationScoped
public class SyncStatusService {

    @Inject
    JdbcSyncRunStore runs;

    @Inject
    WatermarkStore watermarks;

    @Inject
    JdbcDeadLetterStore deadLetters;

    @Inject
    SyncCoordinator coordinator;

    @Inject
    SyncSchedules schedules;

    @Inject
    SystemCatalog catalog;

    public Map<String, EntitySyncStatus> statuses(Connection connection) {
        Map<String, EntitySyncStatus> statuses = new LinkedHashMap<>();
        SystemCatalog.SystemDescription system = catalog.describe(connection.system()).orElse(null);
        for (Entity entity : Entity.values()) {
            boolean readable = system != null && system.capabilities().entity(entity.entityName())
                    .map(capabilities -> capabilities.supports(Operation.READ)).orElse(false);
            if (readable) {
                statuses.put(entity.entityName(), status(connection, entity));
            }
        }
        return statuses;
    }

    public EntitySyncStatus status(Connection connection, Entity entity) {
        String name = entity.entityName();
        Optional<SyncRunRecord> latest = runs.latest(connection.id(), name);
        Optional<SyncRunRecord> success = runs.latestWithState(connection.id(), name, SyncRunRecord.DONE);
        Instant watermark = watermarks.load(new CursorKey(connection.id(), name)).map(IncrementalCursor::watermark)
                .orElse(null);
        String state;
        if (!connection.syncsRun()) {
            state = "paused";
        } else if (coordinator.isRunning(connection.id(), name)) {
            state = "syncing";
        } else {
            state = latest.map(SyncRunRecord::state).orElse("idle");
        }
        Instant next = connection.syncsRun()
                ? schedules.nextRun(connection.id(), entity).map(java.util.Date::toInstant).orElse(null) : null;
        return new EntitySyncStatus(name, state, connection.schedules().get(name),
                latest.map(SyncRunRecord::startedAt).orElse(null),
                latest.map(SyncRunRecord::finishedAt).orElse(null),
                success.map(SyncRunRecord::finishedAt).orElse(null), watermark,
                latest.map(SyncRunRecord::recordsRead).orElse(0L),
                latest.map(SyncRunRecord::recordsWritten).orElse(0L),
                latest.map(SyncRunRecord::recordsFailed).orElse(0L),
                latest.map(SyncRunRecord::error).orElse(null), next, deadLetters.countPending(connection.id(), name));
    }
}
