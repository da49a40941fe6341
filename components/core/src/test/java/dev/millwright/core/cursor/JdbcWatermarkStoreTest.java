package dev.millwright.core.cursor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcWatermarkStoreTest {

    private static final CursorKey KEY = new CursorKey("plant-7", "work_order");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30Z");

    protected DataSource dataSource;
    private JdbcWatermarkStore store;

    protected DataSource createDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void createSchema() throws SQLException, IOException {
        dataSource = createDataSource();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/millwright/V1_0_0__watermarks.sql");
                Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        store = new JdbcWatermarkStore(dataSource);
    }

    @Test
    void anUnknownKeyHasNoCursor() {
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void aSavedCursorIsLoadedBackWithItsBoundary() {
        IncrementalCursor cursor = new IncrementalCursor(AT,
                Set.of(new RecordVersion("_QkVERk9SRC8xMDAw", "1234"), new RecordVersion("x", null)));
        store.save(KEY, cursor);

        assertThat(store.load(KEY)).contains(cursor);
    }

    @Test
    void savingAgainReplacesTheCursor() {
        store.save(KEY, IncrementalCursor.startingAt(AT));
        IncrementalCursor later = new IncrementalCursor(AT.plusSeconds(60), Set.of(new RecordVersion("a", "2")));
        store.save(KEY, later);

        assertThat(store.load(KEY)).contains(later);
        assertThat(store.load(new CursorKey("plant-7", "asset"))).isEmpty();
    }

    @Test
    void aLargeBoundarySurvives() {
        Set<RecordVersion> boundary = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            boundary.add(new RecordVersion("record-" + i, Integer.toString(i)));
        }
        store.save(KEY, new IncrementalCursor(AT, boundary));

        assertThat(store.load(KEY).orElseThrow().boundary()).hasSize(20_000);
    }

    @Test
    void savingInsideACallersTransactionIsUndoneByItsRollback() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            store.save(connection, KEY, IncrementalCursor.startingAt(AT));
            connection.rollback();
        }

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void deleteForgetsTheCursor() {
        store.save(KEY, IncrementalCursor.startingAt(AT));
        store.delete(KEY);

        assertThat(store.load(KEY)).isEmpty();
    }
}
