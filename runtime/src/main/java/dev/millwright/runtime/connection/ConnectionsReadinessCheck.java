package dev.millwright.runtime.connection;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Connections in {@code /q/health/ready}: always UP, since one unreachable source must not take the whole service
 * out of its load balancer, but each degraded connection (offline, auth_required) is named in the data with its
 * status and reason, beside a count per status.
 */
@Readiness
@ApplicationScoped
public class ConnectionsReadinessCheck implements HealthCheck {

    public static final String NAME = "millwright-connections";

    @Inject
    ConnectionStatusStore statuses;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Map<ConnectionStatus, Long> counts = new EnumMap<>(ConnectionStatus.class);
        for (ConnectionStatus status : ConnectionStatus.values()) {
            counts.put(status, 0L);
        }
        for (ConnectionStatusStore.StatusRow connection : statuses.statuses()) {
            counts.merge(connection.status(), 1L, Long::sum);
            if (connection.status() == ConnectionStatus.OFFLINE
                    || connection.status() == ConnectionStatus.AUTH_REQUIRED) {
                response.withData(connection.connectionId(), connection.status().value()
                        + (connection.reason() == null ? "" : ": " + connection.reason()));
            }
        }
        counts.forEach((status, count) -> response.withData("connections_" + status.value(), count));
        return response.build();
    }
}
