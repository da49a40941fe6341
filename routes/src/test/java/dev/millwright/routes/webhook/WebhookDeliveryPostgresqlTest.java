package dev.millwright.routes.webhook;

import org.junit.jupiter.api.Tag;

import dev.millwright.routes.testing.TestDatabase;

@Tag("postgresql")
class WebhookDeliveryPostgresqlTest extends WebhookDeliveryTest {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.postgresql();
    }
}
