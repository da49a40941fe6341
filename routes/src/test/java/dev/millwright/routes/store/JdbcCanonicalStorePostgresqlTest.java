package dev.millwright.routes.store;

import org.junit.jupiter.api.Tag;

import dev.millwright.routes.testing.TestDatabase;

@Tag("postgresql")
class JdbcCanonicalStorePostgresqlTest extends JdbcCanonicalStoreTest {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.postgresql();
    }
}
