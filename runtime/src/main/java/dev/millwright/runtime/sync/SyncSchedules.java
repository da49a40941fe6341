package dev.millwright.runtime.sync;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.sync.SyncRouteTemplates;
import dev.millwright.routes.sync.SyncTrigger;
import dev.millwright.runtime.MillwrightConfig;

/**
 * The scheduled sync routes of connections, one per (connection, entity), made from the sync route template:
 * created, paused, resumed, removed and triggered here.
 */
@ApplicationScoped
public class SyncSchedules {

    private static final Logger LOG = Logger.getLogger(SyncSchedules.class);

    /** The cron of a sync that runs only when triggered. */
    public static final String ON_DEMAND = "0 0 0 1 1 ? 2099";

    @Inject
    CamelContext camel;

    private final ExecutorService stopper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millwright-sync-pause");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    MillwrightConfig config;

    public static String routeId(String connectionId, Entity entity) {
        return routePrefix(connectionId) + entity.collection();
    }

    private static String routePrefix(String connectionId) {
        return "sync-" + connectionId + "-";
    }

    /** Schedules the sync of each entity of a connection by its Quartz cron expression. */
    public void schedule(String connectionId, String system, Map<Entity, String> crons) {
        crons.forEach((entity, cron) -> add(connectionId, system, entity, cron));
    }

    /** Makes sure the sync route of an entity exists (on demand only, when the entity has no schedule). */
    public void ensure(String connectionId, String system, Entity entity) {
        if (camel.getRoute(routeId(connectionId, entity)) == null) {
            add(connectionId, system, entity, ON_DEMAND);
        }
    }

    private synchronized void add(String connectionId, String system, Entity entity, String cron) {
        if (camel.getRoute(routeId(connectionId, entity)) != null) {
            return;
        }
        try {
            TemplatedRouteBuilder.builder(camel, SyncRouteTemplates.SYNC)
                    .routeId(routeId(connectionId, entity))
                    .parameter("connection", connectionId)
                    .parameter("system", system)
                    .parameter("collection", entity.collection())
                    .parameter("cron", cron)
                    .parameter("batchSize", Integer.toString(config.sync().batchSize()))
                    .parameter("batchTimeout", Integer.toString(config.sync().batchTimeout()))
                    .parameter("pageSize", Integer.toString(config.sync().pageSize()))
                    .add();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot schedule the " + entity.entityName() + " sync of"
                    + " connection '" + connectionId + "' with cron '" + cron + "': " + e.getMessage(), e);
        }
    }

    /** Stops and removes every sync route of a connection (its Quartz jobs go with them). */
    public void remove(String connectionId) {
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(routePrefix(connectionId))) {
                try {
                    camel.getRouteController().stopRoute(route.getRouteId());
                    camel.removeRoute(route.getRouteId());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot remove route " + route.getRouteId() + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Stops the sync routes of a connection until {@link #resume}. It happens on a thread of its own: a route is
     * often paused from its own run (credentials refused), and a route cannot wait for itself to stop.
     */
    public void pause(String connectionId) {
        stopper.execute(() -> forEachRoute(connectionId, false));
    }

    /**
     * Starts the sync routes of a connection again, on the same thread as pauses, so after any pause asked before.
     * It does not wait: the caller often holds the connection's lock, which a sync being stopped may need; callers
     * that must see the routes running call {@link #awaitQueued} once they let go of it.
     */
    public void resume(String connectionId) {
        stopper.execute(() -> forEachRoute(connectionId, true));
    }

    /** Waits until the pauses and resumes asked so far are carried out. */
    public void awaitQueued() {
        try {
            stopper.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync routes to pause or resume", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void forEachRoute(String connectionId, boolean start) {
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(routePrefix(connectionId))) {
                try {
                    if (start) {
                        camel.getRouteController().startRoute(route.getRouteId());
                    } else {
                        camel.getRouteController().stopRoute(route.getRouteId());
                    }
                } catch (Exception e) {
                    LOG.errorf(e, "Cannot %s the sync route %s of connection '%s'", start ? "start" : "stop",
                            route.getRouteId(), connectionId);
                }
            }
        }
    }

    /** Runs the sync of an entity now (creating its route when it has no schedule). */
    public boolean triggerNow(String connectionId, String system, Entity entity, boolean full) {
        ensure(connectionId, system, entity);
        return SyncTrigger.triggerNow(camel, connectionId, entity.collection(), full);
    }

    /** When the scheduled sync of an entity fires next, if it is scheduled and running. */
    public Optional<Date> nextRun(String connectionId, Entity entity) {
        try {
            Trigger trigger = camel.getComponent("quartz", QuartzComponent.class).getScheduler()
                    .getTrigger(TriggerKey.triggerKey(connectionId + "." + entity.collection(),
                            SyncRouteTemplates.QUARTZ_GROUP));
            if (trigger == null || trigger.getNextFireTime() == null
                    || trigger.getNextFireTime().toInstant().getEpochSecond() >= 4_000_000_000L) {
                return Optional.empty();
            }
            return Optional.of(trigger.getNextFireTime());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }
}
