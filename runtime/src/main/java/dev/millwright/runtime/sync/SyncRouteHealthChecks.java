package dev.millwright.runtime.sync;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

import io.quarkus.runtime.StartupEvent;

import dev.millwright.runtime.connection.ConnectionStartup;

/**
 * Leaves the sync routes out of Camel's route and consumer readiness checks. A connection's sync routes are stopped
 * on purpose while it is paused (credentials refused, suspended by an operator), and one source being down must
 * never take the whole service out of its load balancer: the connection's state is reported by the
 * {@code millwright-connections} readiness check and by {@code /sync-status} instead.
 */
@ApplicationScoped
public class SyncRouteHealthChecks {

    /** The prefix of every sync route id (see {@link SyncSchedules#routeId}). */
    static final String SYNC_ROUTE_PREFIX = "sync-";

    void start(@Observes @Priority(ConnectionStartup.PRIORITY - 20) StartupEvent event, CamelContext camel) {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.RouteAddedEvent || event instanceof CamelEvent.RouteStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                leaveOut(camel, ((CamelEvent.RouteEvent) event).getRoute());
            }
        };
        notifier.setIgnoreExchangeEvents(true);
        notifier.setIgnoreCamelContextEvents(true);
        notifier.setIgnoreServiceEvents(true);
        notifier.setIgnoreStepEvents(true);
        camel.getManagementStrategy().addEventNotifier(notifier);
        ServiceHelper.startService(notifier);
        camel.getRoutes().forEach(route -> leaveOut(camel, route));
    }

    private static void leaveOut(CamelContext camel, Route route) {
        if (route.getRouteId() == null || !route.getRouteId().startsWith(SYNC_ROUTE_PREFIX)) {
            return;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        if (registry == null) {
            return;
        }
        for (String repository : new String[] {"routes", "consumers"}) {
            registry.getRepository(repository).ifPresent(checks -> checks.stream()
                    .filter(check -> check.getId().endsWith(":" + route.getRouteId()))
                    .forEach(check -> check.setEnabled(false)));
        }
    }
}
