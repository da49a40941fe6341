package dev.millwright.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.routes.testing.TestDatabase;

class JdbcCanonicalStoreTest {

    private static final Instant T1 = Instant.parse("2024-04-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-01T09:00:00Z");

    protected TestDatabase database;
    private JdbcCanonicalStore store;

    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @BeforeEach
    void open() {
        database = createDatabase();
        store = new JdbcCanonicalStore(database.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    static Vendor vendor(String remoteId, String name, Instant modifiedAt, String version) {
        return new Vendor(CanonicalIds.stableId("c1", "vendor", remoteId), remoteId, "c1", "vendor", null, modifiedAt,
                version, false, Map.of(), null, "V-" + remoteId, name, null, null, null, null, null, null);
    }

    @Test
    void aNewRecordIsCreated() {
        StoreResult result = store.write(List.of(vendor("1", "Acme", T1, "10")));

        assertThat(result.changes()).extracting(StoreChange::kind).containsExactly(StoreChange.Kind.CREATED);
        assertThat(store.count("c1", "vendor")).isEqualTo(1);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).json()).contains("\"name\":\"Acme\"");
    }

    @Test
    void aNewerVersionUpdatesTheRecord() {
        store.write(List.of(vendor("1", "Acme", T1, "10")));

        StoreResult result = store.write(List.of(vendor("1", "Acme Industrial", T2, "11")));

        assertThat(result.changes()).extracting(StoreChange::kind).containsExactly(StoreChange.Kind.UPDATED);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).json()).contains("Acme Industrial");
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        store.write(List.of(vendor("1", "Acme Industrial", T2, "11")));

        StoreResult result = store.write(List.of(vendor("1", "Acme", T1, "10")));

        assertThat(result.changes()).isEmpty();
        assertThat(result.stale()).isEqualTo(1);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).remoteVersion()).isEqualTo("11");
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        store.write(List.of(vendor("1", "Acme", T1, "10")));

        StoreResult result = store.write(List.of(vendor("1", "Acme", T1, "10")));

        assertThat(result.changes()).isEmpty();
        assertThat(result.unchanged()).isEqualTo(1);
    }

    @Test
    void theSameVersionReadLaterChangesNothing() {
        // sources without change times stamp each read; the version (a content hash there) tells what changed
        store.write(List.of(vendor("1", "Acme", T1, "10")));

        StoreResult result = store.write(List.of(vendor("1", "Acme", T2, "10")));

        assertThat(result.changes()).isEmpty();
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).modifiedAt()).isEqualTo(T1);
    }

    @Test
    void twoVersionsOfOneRecordInOneBatchKeepTheNewest() {
        StoreResult result = store.write(List.of(vendor("1", "Acme", T1, "10"), vendor("1", "Acme 2", T2, "11"),
                vendor("1", "Acme", T1, "10")));

        assertThat(result.stale()).isEqualTo(1);
        assertThat(store.count("c1", "vendor")).isEqualTo(1);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).remoteVersion()).isEqualTo("11");
    }

    @Test
    void aRecordTheSourceDeletedIsAChangeOfKindDeleted() {
        store.write(List.of(vendor("1", "Acme", T1, "10")));
        CanonicalRecord deleted = vendor("1", "Acme", T2, "11").withDeleted(true);

        StoreResult result = store.write(List.of(deleted));

        assertThat(result.changes()).extracting(StoreChange::kind).containsExactly(StoreChange.Kind.DELETED);
        assertThat(store.find(deleted.id()).deleted()).isTrue();
    }

    @Test
    void recordsAFullResyncDidNotSeeAreMarkedDeleted() {
        store.write(List.of(vendor("1", "Acme", T1, "10"), vendor("2", "Bolt", T1, "10")), 7L);
        store.write(List.of(vendor("1", "Acme", T1, "10")), 8L);

        int deleted = store.markUnseenAsDeleted("c1", "vendor", 8L, T1.minusSeconds(3600));

        assertThat(deleted).isEqualTo(1);
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "2")).deleted()).isTrue();
        assertThat(store.find(CanonicalIds.stableId("c1", "vendor", "1")).deleted()).isFalse();
    }
}
