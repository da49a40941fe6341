package dev.millwright.component.maximo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.SourceOperation;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.maximo.MaximoSimulator;

/** The checkConnection operation (health checks) against the Maximo simulator over real HTTP. */
class MaximoCheckConnectionTest extends CamelTestSupport {

    private static final String KEY = "check-key";
    private static MaximoSimulator maximo;

    @BeforeAll
    static void startSimulator() {
        maximo = MaximoSimulator.builder().apiKey(KEY).workOrders(40).purchaseOrders(0).inventoryItems(0).vendors(0)
                .assets(0).build();
        maximo.start();
    }

    @AfterAll
    static void stopSimulator() {
        maximo.close();
    }

    @BeforeEach
    void reset() {
        maximo.faults().reset();
        maximo.restoreApiKey(KEY);
        maximo.clearRequestLog();
    }

    private Object check() {
        return template.requestBodyAndHeader("maximo:work-orders?baseUrl=" + maximo.baseUrl() + "&apiKey=" + KEY
                + "&retryDelay=10&maxRetryDelay=50&maxAttempts=2", null, SourceHeaders.OPERATION,
                SourceOperation.checkConnection);
    }

    @Test
    void aCheckIsOneRequestForOneRecordOfOneAttribute() {
        assertThat(check()).isEqualTo(Boolean.TRUE);

        assertThat(maximo.requestLog()).hasSize(1);
        RecordedRequest request = maximo.requestLog().get(0);
        assertThat(request.queryParam("oslc.pageSize")).isEqualTo("1");
        assertThat(request.queryParam("lean")).isEqualTo("1");
        assertThat(request.queryParam("oslc.where")).isNull();
    }

    @Test
    void aRevokedKeyFailsTheCheckAsAuthenticationRequired() {
        maximo.revokeApiKey(KEY);

        assertThatThrownBy(this::check).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void aSourceAnswering503FailsTheCheckAsUnavailable() {
        maximo.faults().serverErrorRate(1.0);

        assertThatThrownBy(this::check).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(SourceUnavailableException.class);
    }
}
