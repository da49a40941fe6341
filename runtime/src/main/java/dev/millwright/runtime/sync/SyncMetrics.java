package dev.millwright.runtime.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.millwright.routes.store.StoreResult;
import dev.millwright.routes.sync.SyncListener;
import dev.millwright.routes.sync.SyncRun;

/**
 * Per (connection, entity) sync metrics: {@code millwright_sync_records_read_total}, {@code ..._written_total},
 * {@code ..._failed_total}, {@code millwright_sync_runs_total} by outcome, and {@code millwright_sync_lag_seconds}
 * (how far the committed watermark is behind now).
 */
@ApplicationScoped
@Unremovable
public class SyncMetrics implements SyncListener {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> watermarks = new ConcurrentHashMap<>();

    @Inject
    public SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void batchCommitted(SyncRun run, int mapped, int failed, StoreResult result) {
        Tags tags = tags(run);
        counter("millwright.sync.records.read", tags).increment(mapped + failed);
        counter("millwright.sync.records.written", tags).increment(result == null ? mapped : result.written());
        counter("millwright.sync.records.failed", tags).increment(failed);
    }

    @Override
    public void runFinished(SyncRun run) {
        Tags tags = tags(run);
        registry.counter("millwright.sync.runs", tags.and("outcome", run.failure() == null ? "done" : "failed"))
                .increment();
        String key = run.connectionId() + "/" + run.entity();
        Instant previous = watermarks.put(key, run.failure() == null ? clock.instant() : watermarks
                .getOrDefault(key, run.startedAt()));
        if (previous == null) {
            Gauge.builder("millwright.sync.lag.seconds", watermarks,
                    marks -> Duration.between(marks.getOrDefault(key, clock.instant()), clock.instant()).toSeconds())
                    .description("Seconds since the last successful sync of the connection and entity")
                    .tags(tags).register(registry);
        }
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(name, tags);
    }

    private static Tags tags(SyncRun run) {
        return Tags.of("connection", run.connectionId(), "entity", run.entity());
    }
}
