package dev.millwright.runtime.sync;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.sync.SyncRouteTemplates;
import dev.millwright.runtime.MillwrightConfig;

/** Creates and removes the scheduled sync routes of connections, from the sync route template. */
@ApplicationScoped
public class SyncSchedules {

    @Inject
    CamelContext camel;

    @Inject
    MillwrightConfig config;

    public static String routeId(String connectionId, Entity entity) {
        return "sync-" + connectionId + "-" + entity.collection();
    }

    /** Schedules the sync of each entity of a connection by its Quartz cron expression. */
    public void schedule(String connectionId, String system, Map<Entity, String> crons) {
        crons.forEach((entity, cron) -> {
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
        });
    }
}
