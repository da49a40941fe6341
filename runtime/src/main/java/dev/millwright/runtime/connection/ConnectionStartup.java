package dev.millwright.runtime.connection;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import dev.millwright.runtime.write.BulkJobs;

/** At start: the stored connections come back with their schedules, and interrupted bulk jobs resume. */
@ApplicationScoped
public class ConnectionStartup {

    /** Runs before the demo, which creates its connections through the service. */
    public static final int PRIORITY = 100;

    @Inject
    ConnectionService connections;

    @Inject
    BulkJobs bulkJobs;

    void start(@Observes @Priority(PRIORITY) StartupEvent event) {
        connections.start();
        bulkJobs.resumeUnfinished();
    }
}
