package dev.millwright.runtime.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.CamelContext;

import dev.millwright.core.cursor.JdbcWatermarkStore;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.sync.DeadLetterReplayer;
import dev.millwright.routes.sync.SyncCoordinator;
import dev.millwright.runtime.MillwrightConfig;

/**
 * The stores, on the runtime's one database, as CDI beans: Camel finds them in its registry by the names the
 * route templates use.
 */
@ApplicationScoped
@Unremovable
public class StoreBeans {

    @Produces
    @Unremovable
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Unremovable
    @Singleton
    @Named("millwrightCanonicalStore")
    JdbcCanonicalStore canonicalStore(DataSource dataSource, Clock clock) {
        return new JdbcCanonicalStore(dataSource, clock);
    }

    @Produces
    @Unremovable
    @Singleton
    @Named("millwrightDeadLetters")
    JdbcDeadLetterStore deadLetters(DataSource dataSource, Clock clock) {
        return new JdbcDeadLetterStore(dataSource, clock);
    }

    @Produces
    @Unremovable
    @Singleton
    @Named("millwrightSyncRuns")
    JdbcSyncRunStore syncRuns(DataSource dataSource) {
        return new JdbcSyncRunStore(dataSource);
    }

    @Produces
    @Unremovable
    @Singleton
    @Named("millwrightWatermarks")
    WatermarkStore watermarks(DataSource dataSource) {
        return new JdbcWatermarkStore(dataSource);
    }

    @Produces
    @Unremovable
    @Singleton
    @Named(SyncCoordinator.BEAN_NAME)
    SyncCoordinator syncCoordinator(CamelContext camelContext, JdbcCanonicalStore canonicalStore,
            JdbcDeadLetterStore deadLetters, JdbcSyncRunStore runs, WatermarkStore watermarks, Clock clock,
            MillwrightConfig config) {
        SyncCoordinator coordinator = new SyncCoordinator(camelContext, canonicalStore, deadLetters, runs, watermarks,
                clock);
        coordinator.setSinkAttempts(config.sync().sinkAttempts());
        coordinator.setSinkRetryDelay(Duration.ofSeconds(1));
        return coordinator;
    }

    /** The mapping files of every system, compiled once; the canonical component uses this registry too. */
    @Produces
    @Unremovable
    @Singleton
    MappingRegistry mappingRegistry(MillwrightConfig config) {
        MappingRegistry.Builder builder = MappingRegistry.builder();
        config.mappingDirectory().ifPresent(directory -> builder.overrideDirectory(Path.of(directory)));
        return builder.build();
    }

    @Produces
    @Unremovable
    @Singleton
    @Named("millwrightDeadLetterReplayer")
    DeadLetterReplayer deadLetterReplayer(CamelContext camelContext, JdbcDeadLetterStore deadLetters) {
        return new DeadLetterReplayer(camelContext, deadLetters);
    }
}
