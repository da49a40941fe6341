package dev.millwright.routes.sync;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The incremental sync route template {@value #SYNC}: on a Quartz schedule, read the changes of one collection
 * of one connection, map each record to the canonical model, gather them in batches and write the batches to
 * the sink; the cursor advances only over what the sink committed, and records that fail mapping or the sink go
 * to the dead-letter store with their original payload.
 *
 * <pre>
 * quartz ─► begin run ─► &lt;system&gt;:&lt;collection&gt;?operation=readChanges ─► split (streaming)
 *        ─► canonical:&lt;system&gt;/&lt;collection&gt; ─► aggregate (batchSize, batchTimeout) ─► sink ─► commit cursor
 * </pre>
 *
 * Parameters: {@code connection}, {@code system}, {@code collection} (required); {@code cron} (default every 15
 * minutes), {@code batchSize} (100), {@code batchTimeout} (ms, 1000), {@code pageSize} (100), {@code sink}
 * (default the canonical store).
 */
public class SyncRouteTemplates extends RouteBuilder {

    public static final String SYNC = "millwright-sync";
    /** The Quartz group of the sync jobs; each job is named {@code <connection>.<collection>}. */
    public static final String QUARTZ_GROUP = "millwright-sync";
    public static final String DEFAULT_SINK = "bean:millwrightCanonicalStore?method=write";
    /**
     * The thread pool profile of the batch writers: one writer per sync, at most two batches waiting; when both
     * wait, the reading thread writes the next batch itself. Reading and writing overlap, and memory stays bounded
     * by a few batches however fast the source is.
     */
    public static final String WRITER_POOL = "millwright-sync-writer";

    @Override
    public void configure() {
        if (getContext().getExecutorServiceManager().getThreadPoolProfile(WRITER_POOL) == null) {
            getContext().getExecutorServiceManager().registerThreadPoolProfile(
                    new ThreadPoolProfileBuilder(WRITER_POOL).poolSize(1).maxPoolSize(1).maxQueueSize(2)
                            .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
        }
        routeTemplate(SYNC)
                .templateParameter("connection", null, "The connection to sync")
                .templateParameter("system", null, "The system component scheme, e.g. maximo")
                .templateParameter("collection", null, "The collection, e.g. work-orders")
                .templateParameter("cron", "0 0/15 * * * ?", "Quartz cron expression of the schedule")
                .templateParameter("batchSize", "100", "Records per batch written to the sink")
                .templateParameter("batchTimeout", "1000", "Milliseconds after which a partial batch is written")
                .templateParameter("pageSize", "100", "Records per page read from the source")
                .templateParameter("sink", DEFAULT_SINK, "Endpoint the batches (List of canonical records) go to")
                .from("quartz:" + QUARTZ_GROUP + "/{{connection}}.{{collection}}?cron={{cron}}&stateful=true")
                    .onException(Exception.class).handled(true).process(SyncSteps::fail).end()
                    .setProperty(SyncSteps.CONNECTION, constant("{{connection}}"))
                    .setProperty(SyncSteps.SYSTEM, constant("{{system}}"))
                    .setProperty(SyncSteps.COLLECTION, constant("{{collection}}"))
                    .setProperty(SyncSteps.SINK, constant("{{sink}}"))
                    .process(SyncSteps::begin)
                    .to("{{system}}:{{collection}}?connection={{connection}}&operation=readChanges"
                            + "&pageSize={{pageSize}}")
                    .process(SyncSteps::track)
                    .split(body()).streaming()
                        .process(SyncSteps::read)
                        .doTry()
                            .to("canonical:{{system}}/{{collection}}")
                            .process(SyncSteps::mapped)
                        .doCatch(Exception.class)
                            .process(SyncSteps::mappingFailed)
                        .end()
                        .aggregate(new RunId(), new SyncBatchAggregation())
                            .completionSize("{{batchSize}}")
                            .completionTimeout("{{batchTimeout}}")
                            .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                            .eagerCheckCompletion()
                            .executorService(WRITER_POOL)
                            .process(new SyncBatchWriter())
                        .end()
                    .end()
                    .process(SyncSteps::finish);
    }

    /** Batches are correlated by run, so two runs never share one. */
    private static final class RunId extends ExpressionAdapter {
        @Override
        public Object evaluate(Exchange exchange) {
            return exchange.getProperty(SyncRun.PROPERTY, SyncRun.class).id();
        }
    }
}
