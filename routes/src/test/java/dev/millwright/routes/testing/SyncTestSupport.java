package dev.millwright.routes.testing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.routes.MillwrightBeans;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.sync.SyncCoordinator;
import dev.millwright.routes.sync.SyncRouteTemplates;
import dev.millwright.routes.sync.SyncTrigger;

/**
 * A Camel context with the sync route template, the Millwright stores on a fresh database, and one source system
 * (a simulator) registered as connection {@value #CONNECTION}. Syncs are triggered by hand (their cron never
 * fires). Each system's sync tests extend it (this class ships in the routes test jar).
 */
public abstract class SyncTestSupport extends CamelTestSupport {

    public static final String CONNECTION = "plant-7";
    public static final String NEVER = "0 0 0 1 1 ? 2099";

    protected TestDatabase database;
    protected SyncCoordinator coordinator;

    /** Starts the source system (its simulator) before the Camel context is created. */
    protected abstract void startSystem() throws Exception;

    protected abstract void stopSystem() throws Exception;

    /** The system scheme, e.g. maximo. */
    protected abstract String system();

    /** The options of connection {@value #CONNECTION} (base URL, credentials of the running simulator). */
    protected abstract Map<String, String> connectionOptions();

    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @Override
    protected void doPreSetup() throws Exception {
        startSystem();
        database = createDatabase();
    }

    @Override
    protected void doPostTearDown() throws Exception {
        stopSystem();
        database.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        coordinator = MillwrightBeans.bind(context, database.dataSource(), Clock.systemUTC());
        coordinator.setSinkRetryDelay(Duration.ofMillis(10));
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(
                new ConnectionSettings(CONNECTION, system(), connectionOptions())));
        context.addRoutes(new SyncRouteTemplates());
        return context;
    }

    /** Adds the sync of a collection with the given template parameters (besides connection and system). */
    protected void addSync(String collection, Map<String, String> parameters) throws Exception {
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, SyncRouteTemplates.SYNC)
                .routeId("sync-" + collection)
                .parameter("connection", CONNECTION)
                .parameter("system", system())
                .parameter("collection", collection)
                .parameter("cron", NEVER);
        parameters.forEach(builder::parameter);
        builder.add();
    }

    /** Triggers a sync and waits for its run to end; answers the run. */
    protected SyncRunRecord sync(String collection, String entity, boolean full) {
        long before = coordinator.runs().latest(CONNECTION, entity).map(SyncRunRecord::id).orElse(0L);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SyncTrigger.triggerNow(context, CONNECTION, collection, full));
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> coordinator.runs().latest(CONNECTION, entity)
                        .filter(run -> run.id() > before && !run.state().equals(SyncRunRecord.SYNCING)).orElse(null),
                run -> run != null);
    }

    protected SyncRunRecord sync(String collection, String entity) {
        return sync(collection, entity, false);
    }
}
