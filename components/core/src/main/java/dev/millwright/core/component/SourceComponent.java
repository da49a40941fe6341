package dev.millwright.core.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

import dev.millwright.core.connection.ConnectionRegistry;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.cursor.InMemoryWatermarkStore;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.http.ConcurrencyLimit;
import dev.millwright.core.http.RateLimiter;
import dev.millwright.core.http.Sleeper;

/**
 * Base of every system component. Resolves {@code connection=<id>} through the {@link ConnectionRegistry} when
 * the endpoint is used (its options first, then the URI's; new credentials take effect at once), and holds what the
 * endpoints of one connection share: the {@link WatermarkStore} and one rate limiter per connection.
 */
public abstract class SourceComponent extends DefaultComponent {

    @Metadata(autowired = true, label = "advanced",
              description = "Where connections named by the connection option are looked up")
    private ConnectionRegistry connectionRegistry;
    @Metadata(autowired = true, label = "advanced",
              description = "Where incremental cursors are kept between reads (in memory when none is bound)")
    private WatermarkStore watermarkStore;

    private final WatermarkStore inMemoryWatermarks = new InMemoryWatermarkStore();
    private final Map<String, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<String, ConcurrencyLimit> concurrencyLimits = new ConcurrentHashMap<>();

    /** The scheme of the system, e.g. {@code maximo}. */
    public abstract String system();

    /** A new endpoint with fresh default configuration for the given collection. */
    protected abstract SourceEndpoint newEndpoint(String uri, String collection);

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        SourceEndpoint endpoint = newEndpoint(uri, remaining);
        Map<String, Object> uriOptions = new LinkedHashMap<>(parameters);
        setProperties(endpoint, parameters);
        endpoint.setUriOptions(uriOptions);
        return endpoint;
    }

    /** The settings of a connection; connections are resolved when used, so they may be registered later. */
    ConnectionSettings connection(String connectionId, ErrorContext context) {
        if (connectionRegistry == null) {
            throw new OperationNotSupportedException("connection '" + connectionId + "' named, but no"
                    + " ConnectionRegistry is bound in the Camel registry", context);
        }
        ConnectionSettings settings = connectionRegistry.find(connectionId)
                .orElseThrow(() -> new NotFoundException("unknown connection '" + connectionId + "'", context));
        if (!settings.system().equals(system())) {
            throw new OperationNotSupportedException("connection '" + connectionId + "' is a " + settings.system()
                    + " connection, not " + system(), context);
        }
        return settings;
    }

    /**
     * The configuration of an endpoint of a connection: the connection's options, then the options its URI gave.
     * Bound through the generated configurer, on a scratch endpoint.
     */
    SourceConfiguration configuration(String uri, String collection, ConnectionSettings settings,
            Map<String, Object> uriOptions) throws Exception {
        SourceEndpoint scratch = newEndpoint(uri, collection);
        Map<String, Object> options = new LinkedHashMap<>(settings.options());
        options.remove("connection");
        setProperties(scratch, options);
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("connection '" + settings.id() + "' has options the " + system()
                    + " component does not know: " + options.keySet());
        }
        setProperties(scratch, new LinkedHashMap<>(uriOptions));
        return scratch.getConfiguration();
    }

    public ConnectionRegistry getConnectionRegistry() {
        return connectionRegistry;
    }

    public void setConnectionRegistry(ConnectionRegistry connectionRegistry) {
        this.connectionRegistry = connectionRegistry;
    }

    public WatermarkStore getWatermarkStore() {
        return watermarkStore;
    }

    public void setWatermarkStore(WatermarkStore watermarkStore) {
        this.watermarkStore = watermarkStore;
    }

    WatermarkStore watermarks() {
        return watermarkStore != null ? watermarkStore : inMemoryWatermarks;
    }

    /** The rate limiter every endpoint of this connection shares. */
    RateLimiter rateLimiter(String connectionId, double requestsPerSecond) {
        return rateLimiters.compute(connectionId, (id, existing) ->
                existing != null && existing.permitsPerSecond() == requestsPerSecond
                        ? existing : new RateLimiter(requestsPerSecond, Sleeper.SYSTEM));
    }

    /** The concurrency limit every endpoint of this connection shares. */
    ConcurrencyLimit concurrencyLimit(String connectionId, int permits) {
        return concurrencyLimits.compute(connectionId, (id, existing) ->
                existing != null && existing.permits() == permits ? existing : new ConcurrencyLimit(permits));
    }
}
