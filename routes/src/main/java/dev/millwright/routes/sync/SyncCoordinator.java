package dev.millwright.routes.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.core.http.Sleeper;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;

/**
 * What every sync run of a Camel context shares: the stores, the watermark store, the listeners, the sink retry
 * policy, and which (connection, entity) syncs are running (one at a time each). Bound in the Camel registry as
 * {@value #BEAN_NAME}; see {@link dev.millwright.routes.MillwrightBeans}.
 */
public final class SyncCoordinator {

    public static final String BEAN_NAME = "millwrightSyncCoordinator";

    private final CamelContext camelContext;
    private final JdbcCanonicalStore canonicalStore;
    private final JdbcDeadLetterStore deadLetters;
    private final JdbcSyncRunStore runs;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private final Set<CursorKey> running = ConcurrentHashMap.newKeySet();
    private volatile ProducerTemplate producer;
    private int sinkAttempts = 3;
    private Duration sinkRetryDelay = Duration.ofSeconds(1);
    private Duration commitTimeout = Duration.ofMinutes(5);
    private Duration settleTimeout = Duration.ofSeconds(5);
    private Sleeper sleeper = Sleeper.SYSTEM;

    public SyncCoordinator(CamelContext camelContext, JdbcCanonicalStore canonicalStore,
            JdbcDeadLetterStore deadLetters, JdbcSyncRunStore runs, WatermarkStore watermarks, Clock clock) {
        this.camelContext = camelContext;
        this.canonicalStore = canonicalStore;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    public JdbcCanonicalStore canonicalStore() {
        return canonicalStore;
    }

    public JdbcDeadLetterStore deadLetters() {
        return deadLetters;
    }

    public JdbcSyncRunStore runs() {
        return runs;
    }

    public WatermarkStore watermarks() {
        return watermarks;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether a sync of this connection and entity is running in this process. */
    public boolean isRunning(String connectionId, String entity) {
        return running.contains(new CursorKey(connectionId, entity));
    }

    boolean tryStart(CursorKey key) {
        return running.add(key);
    }

    void finished(CursorKey key) {
        running.remove(key);
    }

    List<SyncListener> listeners() {
        return List.copyOf(camelContext.getRegistry().findByType(SyncListener.class));
    }

    ProducerTemplate producer() {
        ProducerTemplate current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camelContext.createProducerTemplate();
                }
                current = producer;
            }
        }
        return current;
    }

    public int sinkAttempts() {
        return sinkAttempts;
    }

    /** Tries per batch before its records are written one by one to isolate the failing ones (default 3). */
    public void setSinkAttempts(int sinkAttempts) {
        this.sinkAttempts = Math.max(1, sinkAttempts);
    }

    public Duration sinkRetryDelay() {
        return sinkRetryDelay;
    }

    public void setSinkRetryDelay(Duration sinkRetryDelay) {
        this.sinkRetryDelay = sinkRetryDelay;
    }

    /**
     * How long a failed run waits, without a commit, for the batches read before its failure to land (so that its
     * counters are final) before it gives up on them.
     */
    public Duration settleTimeout() {
        return settleTimeout;
    }

    public void setSettleTimeout(Duration settleTimeout) {
        this.settleTimeout = settleTimeout;
    }

    public Duration commitTimeout() {
        return commitTimeout;
    }

    /** How long a finished read waits for its last batches to be committed before the run fails. */
    public void setCommitTimeout(Duration commitTimeout) {
        this.commitTimeout = commitTimeout;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    public void setSleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
    }
}
