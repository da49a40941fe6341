package dev.millwright.component.expressmaintenance;

import org.junit.jupiter.api.Tag;

import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/** The same behaviour on PostgreSQL 15 at 127.0.0.1:5432, database test, in a schema and role of its own. */
@Tag("postgresql")
class ExpressMaintenanceProducerPostgresqlTest extends ExpressMaintenanceProducerTest {

    @Override
    protected ExpressMaintenanceSimulator.Builder simulator() {
        return ExpressMaintenanceSimulator.builder().postgresql();
    }
}
