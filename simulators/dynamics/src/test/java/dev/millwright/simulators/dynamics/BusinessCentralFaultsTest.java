package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The request limit, injected faults, the request log and the /_sim control endpoints. */
class BusinessCentralFaultsTest {

    private BusinessCentralSimulator bc;
    private TestHttp http;

    @BeforeEach
    void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).vendors(30).items(2).fixedAssets(1)
                .purchaseOrders(1).requestLimit(3, Duration.ofMinutes(10)).build().start();
        http = new TestHttp(bc);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    @Test
    void requestsOverTheLimitAre429WithRetryAfterAndBcsErrorCode() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(http.company("/vendors?$top=1")).status()).isEqualTo(200);
        }

        TestHttp.Response refused = http.get(http.company("/vendors?$top=1"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("Application_TooManyRequests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
    }

    @Test
    void tokenRequestsDoNotCountAgainstTheApiLimit() {
        for (int i = 0; i < 5; i++) {
            http.newToken();
        }

        assertThat(http.get(http.company("/vendors?$top=1")).status()).isEqualTo(200);
    }

    @Test
    void injectedFailuresCarryBcErrorBodies() {
        bc.faults().failNextRequests(1, 503);

        TestHttp.Response response = TestHttp.getWithout(http.company("/vendors"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.errorCode()).isEqualTo("Internal_ServiceUnavailable");
    }

    @Test
    void injectedRateLimitsCarryRetryAfter() {
        bc.faults().rateLimitNextRequests(1, 7);

        TestHttp.Response response = TestHttp.getWithout(http.company("/vendors"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void aMalformedPageIsCutInTheMiddle() {
        bc.faults().malformNextPages(1);

        TestHttp.Response response = http.get(http.company("/vendors"));

        assertThat(response.status()).isEqualTo(200);
        assertThatThrownBy(response::json).hasMessageContaining("Not JSON");
    }

    @Test
    void theRequestLogKeepsWhatTheClientSent() {
        bc.clearRequestLog();
        http.get(http.company("/vendors?$top=2"), "Prefer", "odata.maxpagesize=1");

        var requests = bc.requestLog();
        var read = requests.get(requests.size() - 1);
        assertThat(read.method()).isEqualTo("GET");
        assertThat(read.path()).isEqualTo("/v2.0/" + bc.tenantId() + "/production/api/v2.0/companies(" + bc.companyId()
                + ")/vendors");
        assertThat(read.queryParam("$top")).isEqualTo("2");
        assertThat(read.header("prefer")).isEqualTo("odata.maxpagesize=1");
        assertThat(read.header("authorization")).startsWith("Bearer ");
        assertThat(requests.get(0).path()).endsWith("/oauth2/v2.0/token");
    }

    @Test
    void theControlEndpointsChangeFaultsAndRevokeSecretsWithoutAToken() throws Exception {
        TestHttp.Response faults = TestHttp.send(HttpRequest.newBuilder(URI.create(bc.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"failNextRequests\":{\"count\":2,\"status\":500}}")));
        TestHttp.Response revoke = TestHttp.send(HttpRequest.newBuilder(URI.create(bc.baseUrl()
                + "/_sim/revoke?secret=" + TestHttp.enc(SECRET))).POST(HttpRequest.BodyPublishers.noBody()));
        TestHttp.Response stats = TestHttp.getWithout(bc.baseUrl() + "/_sim/stats");

        assertThat(faults.status()).isEqualTo(200);
        assertThat(bc.faults().pendingFailures()).isEqualTo(2);
        assertThat(revoke.status()).isEqualTo(204);
        bc.faults().reset();
        assertThat(http.tokenRequest("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret",
                SECRET, "scope", TokenService.SCOPE).status()).isEqualTo(401);
        assertThat(new ObjectMapper().readTree(stats.body()).at("/companies/" + bc.companyId() + "/entitySets/vendors")
                .asInt()).isEqualTo(30);
    }
}
