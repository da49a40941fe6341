package dev.millwright.runtime.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Connection status in metrics: {@code millwright_connection_status{connection, status}} is 1 for the connection's
 * current status and 0 for the others; {@code millwright_connection_status_transitions_total{connection, from, to}}
 * counts the changes this node made.
 */
@Singleton
public class ConnectionStatusMetrics {

    private final MeterRegistry registry;
    private final Map<String, ConnectionStatus> statuses = new ConcurrentHashMap<>();

    @Inject
    public ConnectionStatusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The status as last read or changed; registers the connection's gauges the first time. */
    public void current(String connectionId, ConnectionStatus status) {
        if (statuses.put(connectionId, status) == null) {
            for (ConnectionStatus candidate : ConnectionStatus.values()) {
                Gauge.builder("millwright.connection.status", statuses,
                        current -> current.get(connectionId) == candidate ? 1 : 0)
                        .description("1 when the connection has this status, else 0")
                        .tags("connection", connectionId, "status", candidate.value())
                        .strongReference(true)
                        .register(registry);
            }
        }
    }

    public void transitioned(StatusTransition transition) {
        registry.counter("millwright.connection.status.transitions", "connection", transition.connectionId(),
                "from", transition.previous().value(), "to", transition.status().value()).increment();
        current(transition.connectionId(), transition.status());
    }
}
