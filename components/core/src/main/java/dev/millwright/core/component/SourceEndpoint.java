package dev.millwright.core.component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.ScheduledPollEndpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.CursorTracker;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.http.ConcurrencyLimit;
import dev.millwright.core.http.RateLimiter;

/**
 * Base of every system endpoint: a thin holder of the configuration that knows how to open an incremental read.
 * The protocol lives in the system's {@link SourceClient}. A named connection is resolved when the endpoint is
 * used, and again whenever its settings change (new credentials), so endpoints never hold stale credentials.
 */
public abstract class SourceEndpoint extends ScheduledPollEndpoint {

    /** The effective configuration (connection options, then URI options) and the client built from it. */
    private record Resolved(ConnectionSettings settings, SourceConfiguration configuration, SourceClient client) {
    }

    private volatile Resolved resolved;
    private Map<String, Object> uriOptions = Map.of();
    private Clock clock = Clock.systemUTC();

    protected SourceEndpoint(String uri, SourceComponent component) {
        super(uri, component);
    }

    /** The configuration the URI gave (without the connection's options). */
    public abstract SourceConfiguration getConfiguration();

    /** Creates the protocol client for an effective configuration of this endpoint's type. */
    protected abstract SourceClient createClient(SourceConfiguration configuration);

    /** The connection id used for cursors and errors when the URI names no connection (inline settings). */
    protected abstract String inlineConnectionId();

    void setUriOptions(Map<String, Object> uriOptions) {
        this.uriOptions = Map.copyOf(uriOptions);
    }

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

    private Resolved resolved() {
        String connection = getConfiguration().getConnection();
        ConnectionSettings settings = connection == null ? null
                : getComponent().connection(connection, errorContext());
        Resolved current = resolved;
        if (current != null && Objects.equals(current.settings(), settings)) {
            return current;
        }
        synchronized (this) {
            current = resolved;
            if (current == null || !Objects.equals(current.settings(), settings)) {
                SourceConfiguration configuration = settings == null ? getConfiguration() : bind(settings);
                current = new Resolved(settings, configuration, createClient(configuration));
                resolved = current;
            }
            return current;
        }
    }

    private SourceConfiguration bind(ConnectionSettings settings) {
        try {
            return getComponent().configuration(getEndpointUri(), getConfiguration().getCollection(), settings,
                    uriOptions);
        } catch (ConnectorException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("cannot apply the settings of connection '" + settings.id() + "': "
                    + e.getMessage(), e);
        }
    }

    /** The configuration in effect: the connection's options overridden by the URI's. */
    public SourceConfiguration effectiveConfiguration() {
        return resolved().configuration();
    }

    public SourceClient client() {
        return resolved().client();
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
    protected RateLimiter rateLimiter(SourceConfiguration configuration) {
        return getComponent().rateLimiter(connectionId(), configuration.getRateLimit());
    }

    /**
     * The concurrency limit shared by every endpoint of this endpoint's connection: at most {@code permits}
     * requests in flight at once (0 = unlimited).
     */
    protected ConcurrencyLimit concurrencyLimit(int permits) {
        return getComponent().concurrencyLimit(connectionId(), permits);
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
        Resolved current = resolved();
        SourceConfiguration configuration = current.configuration();
        IncrementalCursor start = startCursor(in, configuration);
        Instant readStartedAt = clock.instant();
        CursorTracker tracker = new CursorTracker(start, readStartedAt.minus(configuration.lookbackDuration()),
                current.client().ordersByModifiedTime());
        Iterator<ObjectNode> records = current.client().readModifiedSince(
                start.readFrom(configuration.lookbackDuration()), configuration.getPageSize(), errorContext());
        ChangeStream stream = new ChangeStream(records, current.client().identity(), start, tracker, () -> { });
        // fetch the first page now, so that a refused read (credentials, unknown object) fails the read itself
        stream.hasNext();
        return stream;
    }

    private IncrementalCursor startCursor(Message in, SourceConfiguration configuration) {
        if (in != null) {
            IncrementalCursor given = in.getHeader(SourceHeaders.CURSOR, IncrementalCursor.class);
            if (given != null) {
                return given;
            }
        }
        String modifiedAfter = in == null ? null : in.getHeader(SourceHeaders.MODIFIED_AFTER, String.class);
        if (modifiedAfter == null) {
            modifiedAfter = configuration.getModifiedAfter();
        }
        if (modifiedAfter != null) {
            try {
                return IncrementalCursor.startingAt(Instant.parse(modifiedAfter));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("modifiedAfter '" + modifiedAfter
                        + "' is not an ISO-8601 instant (2024-01-01T00:00:00Z)", e);
            }
        }
        Instant initial = configuration.initialHistoryStart(clock.instant());
        boolean full = in != null && Boolean.TRUE.equals(in.getHeader(SourceHeaders.FULL_RESYNC, Boolean.class));
        if (full) {
            return IncrementalCursor.startingAt(initial);
        }
        return watermarkStore().load(cursorKey()).orElseGet(() -> IncrementalCursor.startingAt(initial));
    }
}
