package dev.millwright.runtime.write;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.model.CanonicalJsonException;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.api.ProblemException;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionService;

/**
 * Bulk writes in the background: a job's records are written in batches (default 50) with a delay between
 * batches, each record through the same path as a single write, each outcome stored. Jobs are in the database,
 * so a restart resumes them where they stopped.
 */
@ApplicationScoped
public class BulkJobs {

    private static final Logger LOG = Logger.getLogger(BulkJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JdbcBulkJobStore store;

    @Inject
    WriteService writes;

    @Inject
    ConnectionService connections;

    @Inject
    Clock clock;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millwright-bulk");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues a job of creates (items without an id) and updates (items with one). */
    public BulkJob submit(Connection connection, Entity entity, List<ObjectNode> records, int batchSize,
            long batchDelayMillis) {
        List<BulkItem> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ObjectNode record = records.get(i);
            items.add(new BulkItem(i, record.hasNonNull("id") ? "update" : "create", record.toString(),
                    BulkItem.PENDING, null, null, null, null, null));
        }
        BulkJob job = new BulkJob("bulk_" + HexFormat.of().formatHex(random(10)), connection.id(),
                entity.entityName(), BulkJob.QUEUED, items.size(), 0, 0, 0, batchSize, batchDelayMillis,
                clock.instant(), null, null, null);
        store.insert(job, items);
        worker.execute(() -> runBatch(job.id()));
        return job;
    }

    /** Resumes the jobs a stop interrupted. */
    public void resumeUnfinished() {
        for (BulkJob job : store.unfinished()) {
            LOG.infof("Resuming bulk job %s (%d of %d done)", job.id(), job.processed(), job.total());
            worker.execute(() -> runBatch(job.id()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Writes the next batch of a job, then schedules the one after it after the job's delay. */
    private void runBatch(String jobId) {
        BulkJob job = store.find(jobId).orElse(null);
        if (job == null || job.state().equals(BulkJob.DONE) || job.state().equals(BulkJob.FAILED)) {
            return;
        }
        try {
            if (job.state().equals(BulkJob.QUEUED)) {
                store.markState(jobId, BulkJob.RUNNING, clock.instant(), null);
            }
            Connection connection = connections.get(job.connectionId());
            if (connection.isDisconnected()) {
                store.markState(jobId, BulkJob.FAILED, clock.instant(), "the connection was disconnected");
                return;
            }
            List<BulkItem> batch = store.items(jobId, BulkItem.PENDING, job.batchSize());
            if (batch.isEmpty()) {
                store.markState(jobId, BulkJob.DONE, clock.instant(), null);
                LOG.infof("Bulk job %s done", jobId);
                return;
            }
            Entity entity = Entity.fromEntityName(job.entity());
            List<BulkItem> outcomes = new ArrayList<>(batch.size());
            for (BulkItem item : batch) {
                outcomes.add(write(connection, entity, item));
            }
            store.recordBatch(jobId, outcomes);
            worker.schedule(() -> runBatch(jobId), job.batchDelayMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Bulk job %s failed", jobId);
            store.markState(jobId, BulkJob.FAILED, clock.instant(), e.getMessage());
        }
    }

    private BulkItem write(Connection connection, Entity entity, BulkItem item) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(item.payload());
            CanonicalRecord written;
            if (item.operation().equals("update")) {
                String id = payload.remove("id").asText();
                written = writes.update(connection, entity, id, payload, null);
            } else {
                written = writes.create(connection, entity, payload);
            }
            return outcome(item, BulkItem.SUCCEEDED, written.id(), written.remoteId(), null, null, List.of());
        } catch (ProblemException e) {
            return outcome(item, BulkItem.FAILED, null, null, e.code(), e.getMessage(), e.errors());
        } catch (ConnectorException e) {
            List<FieldError> fields = e instanceof ValidationFailedException validation ? validation.fieldErrors()
                    : List.of();
            return outcome(item, BulkItem.FAILED, null, null, e.code(), e.getMessage(), fields);
        } catch (WriteMappingException e) {
            String code = e.reason() == WriteMappingException.Reason.FIELD_NOT_UPDATABLE ? "FIELD_NOT_UPDATABLE"
                    : "VALIDATION_FAILED";
            return outcome(item, BulkItem.FAILED, null, null, code, e.getMessage(),
                    e.fields().stream().map(field -> new FieldError(field, e.getMessage())).toList());
        } catch (CanonicalJsonException e) {
            return outcome(item, BulkItem.FAILED, null, null, "VALIDATION_FAILED", e.getMessage(),
                    e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
        } catch (JsonProcessingException e) {
            return outcome(item, BulkItem.FAILED, null, null, "VALIDATION_FAILED", e.getOriginalMessage(), List.of());
        }
    }

    private static BulkItem outcome(BulkItem item, String state, String recordId, String remoteId, String code,
            String message, List<FieldError> fields) {
        String fieldJson = null;
        if (!fields.isEmpty()) {
            try {
                fieldJson = JSON.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new BulkItem(item.position(), item.operation(), item.payload(), state, recordId, remoteId, code,
                message, fieldJson);
    }

    private static byte[] random(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
