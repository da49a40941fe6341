package dev.millwright.routes.sync;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Runs a scheduled sync now, through its Quartz job: the run goes through the same route, never overlaps a
 * running one, and in a cluster runs on exactly one node.
 */
public final class SyncTrigger {

    private SyncTrigger() {
    }

    /**
     * @return false when no sync is scheduled for this connection and collection
     */
    public static boolean triggerNow(CamelContext context, String connectionId, String collection, boolean full) {
        try {
            Scheduler scheduler = context.getComponent("quartz", QuartzComponent.class).getScheduler();
            JobKey job = JobKey.jobKey(connectionId + "." + collection, SyncRouteTemplates.QUARTZ_GROUP);
            if (scheduler == null || !scheduler.checkExists(job)) {
                return false;
            }
            scheduler.triggerJob(job, new JobDataMap(Map.of("full", Boolean.toString(full))));
            return true;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger the sync of " + collection + " for connection '"
                    + connectionId + "': " + e.getMessage(), e);
        }
    }
}
