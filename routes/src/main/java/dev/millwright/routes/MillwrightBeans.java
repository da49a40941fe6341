package dev.millwright.routes;

import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import dev.millwright.core.cursor.JdbcWatermarkStore;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.sync.DeadLetterReplayer;
import dev.millwright.routes.sync.SyncCoordinator;

/**
 * Binds the beans the route templates use into a Camel registry, over one database whose schema the
 * {@code db/millwright} migrations created: {@code millwrightCanonicalStore}, {@code millwrightDeadLetters},
 * {@code millwrightSyncRuns}, {@code millwrightWatermarks} (the components' watermark store),
 * {@code millwrightDeadLetterReplayer} and {@code millwrightSyncCoordinator}.
 */
public final class MillwrightBeans {

    private MillwrightBeans() {
    }

    public static SyncCoordinator bind(CamelContext context, DataSource dataSource, Clock clock) {
        JdbcCanonicalStore canonicalStore = new JdbcCanonicalStore(dataSource, clock);
        JdbcDeadLetterStore deadLetters = new JdbcDeadLetterStore(dataSource, clock);
        JdbcSyncRunStore runs = new JdbcSyncRunStore(dataSource);
        JdbcWatermarkStore watermarks = new JdbcWatermarkStore(dataSource);
        SyncCoordinator coordinator = new SyncCoordinator(context, canonicalStore, deadLetters, runs, watermarks,
                clock);
        Registry registry = context.getRegistry();
        registry.bind("millwrightCanonicalStore", canonicalStore);
        registry.bind("millwrightDeadLetters", deadLetters);
        registry.bind("millwrightSyncRuns", runs);
        registry.bind("millwrightWatermarks", watermarks);
        registry.bind("millwrightDeadLetterReplayer", new DeadLetterReplayer(context, deadLetters));
        registry.bind(SyncCoordinator.BEAN_NAME, coordinator);
        return coordinator;
    }
}
