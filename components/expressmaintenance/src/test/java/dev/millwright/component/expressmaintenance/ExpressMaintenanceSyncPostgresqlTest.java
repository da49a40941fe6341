package dev.millwright.component.expressmaintenance;

import org.junit.jupiter.api.Tag;

import dev.millwright.routes.testing.TestDatabase;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/** The same sync with the CMMS database and the Millwright stores both on PostgreSQL 15 at 127.0.0.1:5432. */
@Tag("postgresql")
class ExpressMaintenanceSyncPostgresqlTest extends ExpressMaintenanceSyncTest {

    @Override
    protected ExpressMaintenanceSimulator.Builder simulator() {
        return ExpressMaintenanceSimulator.builder().postgresql();
    }

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.postgresql();
    }
}
