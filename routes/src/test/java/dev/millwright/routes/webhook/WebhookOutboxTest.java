package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.store.SyncRunRecord;

/**
 * The stores write the events of their changes to the outbox in the same transaction: records created, updated and
 * deleted (by syncs and by writes, which both go through the canonical store) and sync runs that end.
 */
class WebhookOutboxTest {

    private static final Instant T1 = Instant.parse("2024-04-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-01T09:00:00Z");

    private WebhookFixture fixture;
    private JdbcCanonicalStore store;
    private JdbcSyncRunStore runs;

    @BeforeEach
    void open() {
        fixture = new WebhookFixture(WebhookFixture.FAST);
        store = new JdbcCanonicalStore(fixture.database.dataSource(), fixture.clock);
        store.setOutbox(fixture.outbox);
        runs = new JdbcSyncRunStore(fixture.database.dataSource());
        runs.setOutbox(fixture.outbox);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static Vendor vendor(String connection, String name, Instant modifiedAt, String version) {
        return new Vendor(CanonicalIds.stableId(connection, "vendor", "1"), "1", connection, "vendor", null,
                modifiedAt, version, false, Map.of(), null, "V-1", name, null, null, null, null, null, null);
    }

    @Test
    void recordChangesAreEventsOfTheSubscriptionsThatChoseThem() {
        WebhookSubscription all = fixture.subscribe("https://93.184.215.14/a", EventTypes.ALL);
        WebhookSubscription created = fixture.subscribe("https://93.184.215.14/b", "vendor.created");
        WebhookSubscription otherConnection = fixture.subscriptions.create("https://93.184.215.14/c",
                List.of(EventTypes.ALL), List.of("c2"), null);

        store.write(List.of(vendor("c1", "Acme", T1, "1")));
        store.write(List.of(vendor("c1", "Acme Industrial", T2, "2")));
        store.write(List.of(vendor("c1", "Acme Industrial", T2, "2")));
        store.markDeleted(CanonicalIds.stableId("c1", "vendor", "1"));

        assertThat(types(all)).containsExactly("vendor.created", "vendor.updated", "vendor.deleted");
        assertThat(types(created)).containsExactly("vendor.created");
        assertThat(types(otherConnection)).isEmpty();
        String payload = payloads(all).get(1);
        assertThat(payload).contains("\"type\":\"vendor.updated\"", "\"connection_id\":\"c1\"",
                "\"name\":\"Acme Industrial\"").doesNotContain("remote_data\":{");
    }

    @Test
    void noSubscriptionNoEvent() {
        store.write(List.of(vendor("c1", "Acme", T1, "1")));
        assertThat(count("mw_webhook_event")).isZero();
    }

    @Test
    void theEndOfASyncRunIsAnEvent() {
        WebhookSubscription subscription = fixture.subscribe("https://93.184.215.14/a", EventTypes.SYNC_COMPLETED,
                EventTypes.SYNC_FAILED);
        long done = runs.begin("c1", "vendor", false, T1);
        runs.update(done, SyncRunRecord.DONE, T2, 10, 9, 1, 0, T2, null);
        long failed = runs.begin("c1", "vendor", false, T1);
        runs.update(failed, SyncRunRecord.FAILED, T2, 0, 0, 0, 0, null, "the source is down");

        assertThat(types(subscription)).containsExactly("sync.completed", "sync.failed");
        assertThat(payloads(subscription).get(0)).contains("\"records_written\":9", "\"entity\":\"vendor\"");
        assertThat(payloads(subscription).get(1)).contains("\"error\":\"the source is down\"");
    }

    private List<String> types(WebhookSubscription subscription) {
        return column(subscription, "e.type");
    }

    private List<String> payloads(WebhookSubscription subscription) {
        return column(subscription, "e.payload");
    }

    private List<String> column(WebhookSubscription subscription, String column) {
        return Jdbc.withConnection(fixture.database.dataSource(), "read", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column
                    + " FROM mw_webhook_delivery d JOIN mw_webhook_event e ON e.seq = d.event_seq"
                    + " WHERE d.subscription_id = ? ORDER BY d.event_seq")) {
                select.setString(1, subscription.id());
                List<String> values = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        values.add(row.getString(1));
                    }
                }
                return values;
            }
        });
    }

    private long count(String table) {
        return Jdbc.withConnection(fixture.database.dataSource(), "count", connection -> {
            try (ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
