package dev.millwright.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.routes.MillwrightBeans;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.sync.SyncCoordinator;
import dev.millwright.routes.sync.SyncRouteTemplates;
import dev.millwright.routes.sync.SyncTrigger;

/** Millwright's way: the sync route template, read → map → batch → JDBC canonical store, in plain Camel. */
final class MillwrightSync {

    private MillwrightSync() {
    }

    static SyncRunRecord run(BenchSystem system, String baseUrl, int pageSize, int batchSize, String sink,
            DataSource dataSource)
            throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            SyncCoordinator coordinator = MillwrightBeans.bind(camel, dataSource, Clock.systemUTC());
            Map<String, String> options = new java.util.HashMap<>(system.options(baseUrl));
            options.put("initialHistory", "all");
            camel.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                    "bench", system.scheme, options)));
            camel.addRoutes(new SyncRouteTemplates());
            camel.start();
            TemplatedRouteBuilder.builder(camel, SyncRouteTemplates.SYNC).routeId("bench-sync")
                    .parameter("connection", "bench").parameter("system", system.scheme)
                    .parameter("collection", system.collection).parameter("cron", "0 0 0 1 1 ? 2099")
                    .parameter("pageSize", Integer.toString(pageSize))
                    .parameter("batchSize", Integer.toString(batchSize))
                    .parameter("sink", sink).add();
            while (!SyncTrigger.triggerNow(camel, "bench", system.collection, false)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
            while (System.nanoTime() < deadline) {
                SyncRunRecord run = coordinator.runs().latest("bench", system.entity).orElse(null);
                if (run != null && !run.state().equals(SyncRunRecord.SYNCING)) {
                    return run;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            throw new IllegalStateException("the sync did not finish within an hour");
        }
    }
}
