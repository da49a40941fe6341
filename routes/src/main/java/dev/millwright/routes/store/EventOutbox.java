package dev.millwright.routes.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the stores write the events of their changes, inside the transaction that makes the change: an event is
 * stored if and only if its change is. Registered with {@code setOutbox} on {@link JdbcCanonicalStore} and
 * {@link JdbcSyncRunStore}; the webhook outbox implements it.
 */
public interface EventOutbox {

    /** Records were created, updated or marked deleted. */
    void recordsChanged(Connection transaction, List<StoreChange> changes) throws SQLException;

    /** A sync run ended, done or failed. */
    void syncRunFinished(Connection transaction, SyncRunRecord run) throws SQLException;
}
