package dev.millwright.simulators.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpressMaintenanceSimulatorTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private ExpressMaintenanceSimulator cmms;

    @BeforeEach
    void start() {
        cmms = ExpressMaintenanceSimulator.builder().seed(5).workOrders(50).purchaseOrders(10).linesPerOrder(3)
                .inventoryItems(12).vendors(6).assets(9).historyDays(7).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build().start();
    }

    @AfterEach
    void stop() {
        cmms.close();
    }

    @Test
    void seedsTheRequestedNumberOfRowsPerTable() {
        assertThat(cmms.count("WORK_ORDERS")).isEqualTo(50);
        assertThat(cmms.count("PURCHASE_ORDERS")).isEqualTo(10);
        assertThat(cmms.count("PO_LINES")).isBetween(10L, 30L);
        assertThat(cmms.count("PARTS")).isEqualTo(12);
        assertThat(cmms.count("VENDORS")).isEqualTo(6);
        assertThat(cmms.count("EQUIPMENT")).isEqualTo(9);
    }

    @Test
    void changeTimesFallWithinTheHistoryWindowBeforeTheClock() {
        assertThat(cmms.rows("WORK_ORDERS")).allSatisfy(row -> assertThat((LocalDateTime) row.get("LAST_MODIFIED"))
                .isBetween(LocalDateTime.parse("2024-05-25T12:00:00"), LocalDateTime.parse("2024-06-01T12:00:00")));
    }

    @Test
    void theSameSeedGivesTheSameData() {
        try (ExpressMaintenanceSimulator twin = ExpressMaintenanceSimulator.builder().seed(5).workOrders(50)
                .purchaseOrders(10).linesPerOrder(3).inventoryItems(12).vendors(6).assets(9).historyDays(7)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start()) {
            assertThat(twin.rows("WORK_ORDERS")).isEqualTo(cmms.rows("WORK_ORDERS"));
        }
    }

    @Test
    void modifyStampsTheChangeTimeAndIncrementsTheVersion() {
        Map<String, Object> before = cmms.row("WORK_ORDERS", 3L);

        Map<String, Object> after = cmms.modify("WORK_ORDERS", 3L, Map.of("STATUS", "ON HOLD"));

        assertThat(after.get("STATUS")).isEqualTo("ON HOLD");
        assertThat(after.get("LAST_MODIFIED")).isEqualTo(LocalDateTime.parse("2024-06-01T12:00:00"));
        assertThat(after.get("ROW_VERSION")).isEqualTo((Long) before.get("ROW_VERSION") + 1);
    }

    @Test
    void insertUsesTheIdentityColumnAfterTheSeededRows() {
        Map<String, Object> row = cmms.insert("WORK_ORDERS", Map.of("TITLE", "Inspect guard rail"));

        assertThat(row.get("WO_ID")).isEqualTo(51L);
        assertThat(row.get("TITLE")).isEqualTo("Inspect guard rail");
    }

    @Test
    void aRevokedUserCannotLogInAndARestoredOneCan() throws SQLException {
        cmms.revokeUser();

        assertThatThrownBy(() -> cmms.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("28"));
        cmms.restoreUser();
        try (Connection connection = cmms.dataSource().getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void injectedFailuresFailTheNextStatementsWithTheirSqlState() throws SQLException {
        cmms.faults().failNextStatements(1, "08006");

        try (Connection connection = cmms.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM VENDORS"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"));
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM VENDORS")) {
                assertThat(result.next()).isTrue();
            }
        }
    }

    @Test
    void queriesAreLoggedAndAnnouncedToPageListeners() throws SQLException {
        CopyOnWriteArrayList<String> served = new CopyOnWriteArrayList<>();
        cmms.onPageServed((table, page) -> served.add(table + "#" + page));
        try (Connection connection = cmms.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(25);
            statement.executeQuery("SELECT * FROM EQUIPMENT").close();
        }

        assertThat(served).containsExactly("EQUIPMENT#1");
        assertThat(cmms.statementLog()).last().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("SELECT * FROM EQUIPMENT");
            assertThat(s.fetchSize()).isEqualTo(25);
        });
    }
}
