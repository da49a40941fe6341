package dev.millwright.runtime.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.millwright.routes.store.Jdbc;

/**
 * The read side of the canonical store for the data endpoints. Lists page by keyset on the stable id (which never
 * changes when a record is updated), so paging while syncs write never skips or repeats a row.
 */
@ApplicationScoped
public class RecordQueries {

    @Inject
    DataSource dataSource;

    /** One page: at most {@code limit} rows after {@code afterId}, and whether more follow. */
    public record Page(List<StoredRow> rows, boolean more) {
    }

    public Page list(String connectionId, String entity, RecordFilter filter, String afterId, int limit,
            boolean withRaw) {
        StringBuilder sql = new StringBuilder("SELECT id, remote_id, remote_version, deleted, record")
                .append(withRaw ? ", remote_data" : "")
                .append(" FROM mw_record WHERE connection_id = ? AND entity = ?");
        List<Object> parameters = new ArrayList<>(List.of(connectionId, entity));
        if (afterId != null) {
            sql.append(" AND id > ?");
            parameters.add(java.util.UUID.fromString(afterId));
        }
        if (filter.modifiedAfter() != null) {
            sql.append(" AND modified_at >= ?");
            parameters.add(filter.modifiedAfter().atOffset(ZoneOffset.UTC));
        }
        if (filter.modifiedBefore() != null) {
            sql.append(" AND modified_at < ?");
            parameters.add(filter.modifiedBefore().atOffset(ZoneOffset.UTC));
        }
        if (filter.createdAfter() != null) {
            sql.append(" AND created_at >= ?");
            parameters.add(filter.createdAfter().atOffset(ZoneOffset.UTC));
        }
        if (!filter.includeDeleted()) {
            sql.append(" AND deleted = FALSE");
        }
        // ordered as the (connection_id, entity, id) index is, so the database reads the page off the index
        sql.append(" ORDER BY connection_id, entity, id LIMIT ?");
        parameters.add(limit + 1);
        try (Connection jdbc = dataSource.getConnection();
                PreparedStatement select = jdbc.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setFetchSize(Math.min(limit + 1, 1001));
            List<StoredRow> rows = new ArrayList<>(Math.min(limit, 1000));
            boolean more = false;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (rows.size() == limit) {
                        more = true;
                        break;
                    }
                    rows.add(read(row, withRaw));
                }
            }
            return new Page(rows, more);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list " + entity + " records: " + e.getMessage(), e);
        }
    }

    /** A record of a connection and entity by id; another connection's record is not found. */
    public Optional<StoredRow> find(String connectionId, String entity, String id, boolean withRaw) {
        if (!Jdbc.isId(id)) {
            return Optional.empty();
        }
        String sql = "SELECT id, remote_id, remote_version, deleted, record" + (withRaw ? ", remote_data" : "")
                + " FROM mw_record WHERE id = ? AND connection_id = ? AND entity = ?";
        try (Connection jdbc = dataSource.getConnection(); PreparedStatement select = jdbc.prepareStatement(sql)) {
            Jdbc.setId(select, 1, id);
            select.setString(2, connectionId);
            select.setString(3, entity);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row, withRaw)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read record " + id + ": " + e.getMessage(), e);
        }
    }

    private static StoredRow read(ResultSet row, boolean withRaw) throws SQLException {
        return new StoredRow(Jdbc.getId(row, "id"), row.getString(2), row.getString(3), row.getBoolean(4),
                row.getString(5), withRaw ? row.getString(6) : null);
    }
}
