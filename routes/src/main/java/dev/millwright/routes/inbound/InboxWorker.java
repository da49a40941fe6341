package dev.millwright.routes.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.WebhookOutbox;

/**
 * Processes the inbox in batches. Each claimed notification is parsed and compared with what is known of its
 * record: not newer than the canonical store's version, or than the newest version already acted on, it is
 * skipped (a duplicate, a late or reordered delivery). The rest trigger a targeted incremental sync, once per
 * (connection, entity) per batch — the webhook is a hint, the source is the truth, and the store never replaces a
 * record with an older one. A notification that cannot be processed (malformed, unknown entity, sync not
 * possible) is logged, dead-lettered (replayable with {@link #replayDeadLetters}) and raises {@code system.error};
 * its sender got its 200 long ago.
 */
public final class InboxWorker {

    /** Dead letters of inbound webhooks: entity {@value}, stage {@value #STAGE}, the named entity as collection. */
    public static final String DEAD_LETTER_ENTITY = "webhook";
    public static final String STAGE = "inbound";
    public static final String SYNC_TRIGGER_FAILED = "SYNC_TRIGGER_FAILED";
    public static final String WORKER_ROUTE = "millwright-inbox-worker";

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A triggered sync that has not started after this long is triggered again. */
    private static final Duration PENDING_TRIGGER_LIMIT = Duration.ofSeconds(30);

    private final JdbcInbox inbox;
    private final InboundVersions versions;
    private final JdbcDeadLetterStore deadLetters;
    private final JdbcSyncRunStore syncRuns;
    private final WebhookOutbox outbox;
    private final SyncRequester syncs;
    private final InboundSettings settings;
    private final Clock clock;
    private final Map<Group, Instant> triggered = new ConcurrentHashMap<>();

    /**
     * @param syncRuns to see whether a sync triggered earlier has started yet (then a new trigger adds nothing);
     *                 null triggers every batch
     * @param outbox where {@code system.error} events go; null raises none
     */
    public InboxWorker(JdbcInbox inbox, javax.sql.DataSource dataSource, JdbcDeadLetterStore deadLetters,
            JdbcSyncRunStore syncRuns, WebhookOutbox outbox, SyncRequester syncs, InboundSettings settings,
            Clock clock) {
        this.inbox = inbox;
        this.versions = new InboundVersions(dataSource);
        this.deadLetters = deadLetters;
        this.syncRuns = syncRuns;
        this.outbox = outbox;
        this.syncs = syncs;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one batch did. */
    public record BatchResult(int claimed, int syncsTriggered, int skipped, int failed) {
    }

    private record Group(String connectionId, Entity entity) {
    }

    private record Item(InboxEntry entry, ChangeNotification notification) {
    }

    private record Failure(InboxEntry entry, String code, String message, String entityName, String remoteId) {
    }

    /**
     * The worker route: a Quartz tick every poll interval (never overlapping itself) drains the inbox. Several nodes
     * may run it: claims keep them from processing one notification twice.
     */
    public RoutesBuilder route() {
        return new WorkerRoute();
    }

    /** An inner class, not a RouteBuilder of its own that Camel Quarkus would discover and build without a worker. */
    private final class WorkerRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("quartz:millwright-inbound/inbox-worker?stateful=true&trigger.repeatCount=-1"
                    + "&trigger.repeatInterval=" + settings.pollInterval().toMillis())
                    .routeId(WORKER_ROUTE)
                    .process(exchange -> drainOrWait());
        }
    }

    /** One tick: a failure to reach the inbox (database down, shutting down) is retried at the next tick. */
    private void drainOrWait() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("The inbox worker cannot process the inbox now, retrying at the next tick: {}", e.getMessage());
        }
    }

    /** Processes batches until the inbox has no more work; answers how many notifications it processed. */
    public int drain() {
        int processed = 0;
        BatchResult batch;
        do {
            batch = processBatch();
            processed += batch.claimed();
        } while (batch.claimed() >= settings.batchSize());
        return processed;
    }

    /** Claims and processes one batch. */
    public BatchResult processBatch() {
        List<InboxEntry> entries = inbox.claim(settings.batchSize(), settings.claimFor());
        if (entries.isEmpty()) {
            return new BatchResult(0, 0, 0, 0);
        }
        Map<InboxEntry, String> done = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        Map<Group, List<Item>> toSync = new LinkedHashMap<>();
        Map<String, Item> newestInBatch = new LinkedHashMap<>();
        int skipped = 0;
        for (InboxEntry entry : entries) {
            ChangeNotification notification;
            try {
                notification = ChangeNotification.parse(entry.payload());
            } catch (ChangeNotification.InvalidNotification invalid) {
                failures.add(new Failure(entry, invalid.code(), invalid.getMessage(), invalid.entityName(),
                        invalid.remoteId()));
                continue;
            }
            Optional<String> stale = staleness(entry, notification, newestInBatch);
            if (stale.isPresent()) {
                done.put(entry, stale.get());
                skipped++;
                continue;
            }
            toSync.computeIfAbsent(new Group(entry.connectionId(), notification.entity()), g -> new ArrayList<>())
                    .add(new Item(entry, notification));
        }
        int triggeredNow = 0;
        for (Map.Entry<Group, List<Item>> group : toSync.entrySet()) {
            String outcome;
            try {
                outcome = requestSync(group.getKey());
                if (outcome.startsWith("sync triggered")) {
                    triggeredNow++;
                }
            } catch (SyncPausedException paused) {
                for (Item item : group.getValue()) {
                    done.put(item.entry(), "no sync: " + paused.getMessage());
                    skipped++;
                }
                continue;
            } catch (Exception e) {
                for (Item item : group.getValue()) {
                    failures.add(new Failure(item.entry(), SYNC_TRIGGER_FAILED, "the sync of "
                            + group.getKey().entity().entityName() + " could not be triggered: " + e.getMessage(),
                            item.notification().entity().entityName(), item.notification().remoteId()));
                }
                continue;
            }
            Instant now = clock.instant();
            for (Item item : group.getValue()) {
                if (item.notification().remoteId() != null) {
                    versions.recordIfNewer(item.entry().connectionId(), item.notification(), item.entry().webhookId(),
                            now);
                }
                done.put(item.entry(), outcome);
            }
        }
        inbox.finish(done, JdbcInbox.DONE);
        for (Failure failure : failures) {
            fail(failure);
        }
        return new BatchResult(entries.size(), triggeredNow, skipped, failures.size());
    }

    /**
     * Makes the pending inbound dead letters of a connection pending notifications again; the worker processes
     * them anew. Answers how many it requeued.
     */
    public int replayDeadLetters(String connectionId, int limit) {
        int requeued = 0;
        for (DeadLetter letter : deadLetters.pending(connectionId, DEAD_LETTER_ENTITY, limit)) {
            try {
                String webhookId = JSON.readTree(letter.payload()).path("webhook_id").asText();
                if (inbox.requeue(connectionId, webhookId)) {
                    deadLetters.markReplayed(letter.id());
                    requeued++;
                } else {
                    deadLetters.markAttemptFailed(letter.id(), "NOT_IN_INBOX", "inbound webhook " + webhookId
                            + " is no longer in the inbox");
                }
            } catch (JsonProcessingException e) {
                deadLetters.markAttemptFailed(letter.id(), ChangeNotification.MALFORMED, e.getOriginalMessage());
            }
        }
        return requeued;
    }

    /** Why the notification needs no sync, if it needs none. */
    private Optional<String> staleness(InboxEntry entry, ChangeNotification notification,
            Map<String, Item> newestInBatch) {
        if (notification.remoteId() == null) {
            return Optional.empty();
        }
        String entity = notification.entity().entityName();
        String recordKey = entry.connectionId() + "\n" + entity + "\n" + notification.remoteId();
        Item earlier = newestInBatch.get(recordKey);
        if (earlier != null && !notification.isNewerThan(earlier.notification().version(),
                earlier.notification().changedAt())) {
            return Optional.of("stale: not newer than webhook " + earlier.entry().webhookId() + " of this batch");
        }
        InboundVersions.Known stored = versions.stored(CanonicalIds.stableId(entry.connectionId(), entity,
                notification.remoteId()));
        if (stored != null && !notification.isNewerThan(stored.version(), stored.changedAt())) {
            return Optional.of("already stored: version " + stored.version() + " modified " + stored.changedAt());
        }
        InboundVersions.Known announced = versions.announced(entry.connectionId(), entity, notification.remoteId());
        if (announced != null && !notification.isNewerThan(announced.version(), announced.changedAt())) {
            return Optional.of("stale: not newer than version " + announced.version() + " of webhook "
                    + announced.webhookId());
        }
        newestInBatch.put(recordKey, new Item(entry, notification));
        return Optional.empty();
    }

    /**
     * Triggers the sync unless one this worker triggered has not started yet: that run will read every change the
     * source committed before it starts, this one included.
     */
    private String requestSync(Group group) throws Exception {
        Instant now = clock.instant();
        Instant last = triggered.get(group);
        if (last != null && syncRuns != null && now.isBefore(last.plus(PENDING_TRIGGER_LIMIT))) {
            Optional<SyncRunRecord> latest = syncRuns.latest(group.connectionId(), group.entity().entityName());
            if (latest.isEmpty() || latest.get().startedAt().isBefore(last)) {
                return "sync already triggered at " + last + ", not started yet";
            }
        }
        syncs.requestSync(group.connectionId(), group.entity());
        triggered.put(group, now);
        return "sync triggered at " + now;
    }

    private void fail(Failure failure) {
        InboxEntry entry = failure.entry();
        String entityName = failure.entityName() == null ? "unknown" : failure.entityName();
        LOG.warn("Inbound webhook {} of connection '{}' (entity '{}', record '{}') failed and is dead-lettered: {} {}",
                entry.webhookId(), entry.connectionId(), entityName, failure.remoteId(), failure.code(),
                failure.message());
        ObjectNode letterPayload = JSON.createObjectNode().put("webhook_id", entry.webhookId())
                .put("sent_at", entry.sentAt().toString()).put("body", entry.payload());
        try {
            deadLetters.addAll(List.of(new DeadLetter(null, entry.connectionId(), STAGE, DEAD_LETTER_ENTITY,
                    truncate(entityName, 100), truncate(failure.remoteId(), 500), STAGE, failure.code(),
                    "inbound webhook " + entry.webhookId() + ": " + failure.message(), letterPayload.toString(),
                    entry.attempts(), DeadLetter.PENDING, null, null)));
            inbox.finish(Map.of(entry, failure.code() + ": " + failure.message()), JdbcInbox.FAILED);
        } catch (RuntimeException e) {
            // the entry stays claimed; once the claim expires it is processed again
            LOG.error("Inbound webhook {} of connection '{}' could not be dead-lettered: {}", entry.webhookId(),
                    entry.connectionId(), e.getMessage(), e);
            return;
        }
        if (outbox != null) {
            ObjectNode data = JSON.createObjectNode().put("source", "inbound_webhook")
                    .put("webhook_id", entry.webhookId()).put("entity", entityName)
                    .put("remote_id", failure.remoteId()).put("error_code", failure.code())
                    .put("message", failure.message()).put("dead_lettered", true);
            try {
                outbox.publish(EventTypes.SYSTEM_ERROR, entry.connectionId(), (JsonNode) data);
            } catch (RuntimeException e) {
                LOG.error("system.error for inbound webhook {} of connection '{}' could not be written: {}",
                        entry.webhookId(), entry.connectionId(), e.getMessage(), e);
            }
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
