package dev.millwright.runtime.write;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.millwright.routes.store.Jdbc;

/** Bulk jobs and their items ({@code mw_bulk_job}, {@code mw_bulk_item}). */
@ApplicationScoped
public class JdbcBulkJobStore {

    @Inject
    DataSource dataSource;

    /** Stores a queued job with all its items in one transaction. */
    public void insert(BulkJob job, List<BulkItem> items) {
        transaction("store bulk job " + job.id(), jdbc -> {
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO mw_bulk_job (id, connection_id,"
                    + " entity, state, total, processed, succeeded, failed, batch_size, batch_delay_ms, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)")) {
                insert.setString(1, job.id());
                insert.setString(2, job.connectionId());
                insert.setString(3, job.entity());
                insert.setString(4, job.state());
                insert.setInt(5, job.total());
                insert.setInt(6, job.batchSize());
                insert.setLong(7, job.batchDelayMillis());
                insert.setObject(8, utc(job.createdAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO mw_bulk_item (job_id, position,"
                    + " operation, payload, state) VALUES (?, ?, ?, ?, ?)")) {
                for (BulkItem item : items) {
                    insert.setString(1, job.id());
                    insert.setInt(2, item.position());
                    insert.setString(3, item.operation());
                    insert.setString(4, item.payload());
                    insert.setString(5, BulkItem.PENDING);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    public Optional<BulkJob> find(String id) {
        return jobs("SELECT * FROM mw_bulk_job WHERE id = ?", id).stream().findFirst();
    }

    /** Jobs not finished (queued or interrupted by a restart), oldest first. */
    public List<BulkJob> unfinished() {
        return jobs("SELECT * FROM mw_bulk_job WHERE state IN ('queued', 'running') ORDER BY created_at, id");
    }

    public List<BulkItem> items(String jobId, String state, int limit) {
        return transaction("read bulk items", jdbc -> {
            String sql = "SELECT * FROM mw_bulk_item WHERE job_id = ?" + (state == null ? "" : " AND state = ?")
                    + " ORDER BY position";
            try (PreparedStatement select = jdbc.prepareStatement(sql)) {
                select.setString(1, jobId);
                if (state != null) {
                    select.setString(2, state);
                }
                select.setMaxRows(limit);
                List<BulkItem> items = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.add(new BulkItem(row.getInt("position"), row.getString("operation"),
                                row.getString("payload"), row.getString("state"), row.getString("record_id"),
                                row.getString("remote_id"), row.getString("error_code"),
                                row.getString("error_message"), row.getString("error_fields")));
                    }
                }
                return items;
            }
        });
    }

    /** Records the outcomes of a batch and the job's counters together. */
    public void recordBatch(String jobId, List<BulkItem> outcomes) {
        transaction("record a batch of bulk job " + jobId, jdbc -> {
            try (PreparedStatement update = jdbc.prepareStatement("UPDATE mw_bulk_item SET state = ?, record_id = ?,"
                    + " remote_id = ?, error_code = ?, error_message = ?, error_fields = ? WHERE job_id = ?"
                    + " AND position = ?")) {
                for (BulkItem item : outcomes) {
                    update.setString(1, item.state());
                    update.setString(2, item.recordId());
                    update.setString(3, item.remoteId());
                    update.setString(4, item.errorCode());
                    update.setString(5, truncate(item.errorMessage()));
                    update.setString(6, item.errorFields());
                    update.setString(7, jobId);
                    update.setInt(8, item.position());
                    update.addBatch();
                }
                update.executeBatch();
            }
            long succeeded = outcomes.stream().filter(item -> item.state().equals(BulkItem.SUCCEEDED)).count();
            try (PreparedStatement update = jdbc.prepareStatement("UPDATE mw_bulk_job SET processed = processed + ?,"
                    + " succeeded = succeeded + ?, failed = failed + ? WHERE id = ?")) {
                update.setInt(1, outcomes.size());
                update.setLong(2, succeeded);
                update.setLong(3, outcomes.size() - succeeded);
                update.setString(4, jobId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public void markState(String jobId, String state, Instant at, String error) {
        String column = state.equals(BulkJob.RUNNING) ? "started_at" : "finished_at";
        transaction("mark bulk job " + jobId + " " + state, jdbc -> {
            try (PreparedStatement update = jdbc.prepareStatement("UPDATE mw_bulk_job SET state = ?, " + column
                    + " = COALESCE(" + column + ", ?), error = ? WHERE id = ?")) {
                update.setString(1, state);
                update.setObject(2, utc(at));
                update.setString(3, truncate(error));
                update.setString(4, jobId);
                return update.executeUpdate();
            }
        });
    }

    private List<BulkJob> jobs(String sql, Object... parameters) {
        return transaction("read bulk jobs", jdbc -> {
            try (PreparedStatement select = jdbc.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                List<BulkJob> jobs = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        jobs.add(new BulkJob(row.getString("id"), row.getString("connection_id"),
                                row.getString("entity"), row.getString("state"), row.getInt("total"),
                                row.getInt("processed"), row.getInt("succeeded"), row.getInt("failed"),
                                row.getInt("batch_size"), row.getLong("batch_delay_ms"), instant(row, "created_at"),
                                instant(row, "started_at"), instant(row, "finished_at"), row.getString("error")));
                    }
                }
                return jobs;
            }
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return Jdbc.getInstant(row, column);
    }

    private <T> T transaction(String what, Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, what, work);
    }
}
