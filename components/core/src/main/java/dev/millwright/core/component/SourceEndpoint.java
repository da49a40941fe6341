package dev.millwright.core.component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.CursorTracker;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.http.RateLimiter;

/**
 * Base of every system endpoint: a thin holder of the configuration that knows how to open an incremental read.
 * The protocol lives in the system's {@link SourceClient}.
 */
public abstract class SourceEndpoint extends ScheduledPollEndpoint {

    private volatile SourceClient client;
    private Clock clock = Clock.systemUTC();

    protected SourceEndpoint(String uri, SourceComponent component) {
        super(uri, component);
    }

    public abstract SourceConfiguration getConfiguration();

    /** Creates the protocol client for this endpoint's collection. */
    protected abstract SourceClient createClient();

    /** The connection id used for cursors and errors when the URI names no connection (inline settings). */
    protected abstract String inlineConnectionId();

    @Override
    public SourceComponent getComponent() {
        return (SourceComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SourceProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SourceConsumer consumer = new SourceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public SourceClient client() {
        SourceClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = createClient();
                }
                current = client;
            }
        }
        return current;
    }

    public String connectionId() {
        String named = getConfiguration().getConnection();
        return named != null ? named : inlineConnectionId();
    }

    public String system() {
        return getComponent().system();
    }

    public String entity() {
        return StandardCollection.entityOf(getConfiguration().getCollection());
    }

    public ErrorContext errorContext() {
        return ErrorContext.of(connectionId(), entity());
    }

    public CursorKey cursorKey() {
        return new CursorKey(connectionId(), entity());
    }

    public WatermarkStore watermarkStore() {
        return getComponent().watermarks();
    }

    /** The rate limiter shared by every endpoint of this endpoint's connection. */
    protected RateLimiter rateLimiter() {
        return getComponent().rateLimiter(connectionId(), getConfiguration().getRateLimit());
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens an incremental read. The start cursor is, in order of precedence: a {@code MillwrightCursor} header;
     * a {@code MillwrightModifiedAfter} header or the {@code modifiedAfter} option; the initial history when
     * {@code MillwrightFullResync} is true; the stored cursor; the initial history.
     */
    public ChangeStream openChangeStream(Message in) {
        IncrementalCursor start = startCursor(in);
        SourceConfiguration configuration = getConfiguration();
        Instant readStartedAt = clock.instant();
        CursorTracker tracker = new CursorTracker(start, readStartedAt.minus(configuration.lookbackDuration()),
                client().ordersByModifiedTime());
        Iterator<ObjectNode> records = client().readModifiedSince(start.readFrom(configuration.lookbackDuration()),
                configuration.getPageSize(), errorContext());
        return new ChangeStream(records, client().identity(), start, tracker, () -> { });
    }

    private IncrementalCursor startCursor(Message in) {
        if (in != null) {
            IncrementalCursor given = in.getHeader(SourceHeaders.CURSOR, IncrementalCursor.class);
            if (given != null) {
                return given;
            }
        }
        String modifiedAfter = in == null ? null : in.getHeader(SourceHeaders.MODIFIED_AFTER, String.class);
        if (modifiedAfter == null) {
            modifiedAfter = getConfiguration().getModifiedAfter();
        }
        if (modifiedAfter != null) {
            try {
                return IncrementalCursor.startingAt(Instant.parse(modifiedAfter));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("modifiedAfter '" + modifiedAfter
                        + "' is not an ISO-8601 instant (2024-01-01T00:00:00Z)", e);
            }
        }
        Instant initial = getConfiguration().initialHistoryStart(clock.instant());
        boolean full = in != null && Boolean.TRUE.equals(in.getHeader(SourceHeaders.FULL_RESYNC, Boolean.class));
        if (full) {
            return IncrementalCursor.startingAt(initial);
        }
        return watermarkStore().load(cursorKey()).orElseGet(() -> IncrementalCursor.startingAt(initial));
    }
}
