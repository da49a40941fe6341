package dev.millwright.routes.inbound;

import org.junit.jupiter.api.Tag;

import dev.millwright.routes.testing.TestDatabase;

@Tag("postgresql")
class InboundWebhookIntakePostgresqlTest extends InboundWebhookIntakeTest {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.postgresql();
    }
}
