package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.SourceOperation;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.simulators.expressmaintenance.ExecutedStatement;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/** The checkConnection operation (health checks) against the simulator's database, through JDBC. */
class ExpressMaintenanceCheckConnectionTest extends CamelTestSupport {

    private ExpressMaintenanceSimulator cmms;

    @Override
    protected void doPreSetup() {
        cmms = ExpressMaintenanceSimulator.builder().seed(3).workOrders(10).purchaseOrders(1).linesPerOrder(1)
                .inventoryItems(1).vendors(1).assets(1).historyDays(5).build().start();
    }

    @AfterEach
    void stopSimulator() {
        cmms.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        return context;
    }

    private Object check() {
        return template.requestBodyAndHeader("expressmaintenance:work-orders?dataSource=#cmms&retryDelay=10"
                + "&maxRetryDelay=50", null, SourceHeaders.OPERATION, SourceOperation.checkConnection);
    }

    @Test
    void aCheckIsOneTrivialQueryThatReadsNoTable() {
        check(); // the first use of the endpoint also validates the profile against the schema, once
        cmms.clearStatementLog();

        assertThat(check()).isEqualTo(Boolean.TRUE);

        assertThat(cmms.statementLog()).extracting(ExecutedStatement::sql).containsExactly("SELECT 1");
    }

    @Test
    void aRevokedUserFailsTheCheckAsAuthenticationRequired() {
        cmms.revokeUser();

        assertThatThrownBy(this::check).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(AuthenticationRequiredException.class);
    }
}
