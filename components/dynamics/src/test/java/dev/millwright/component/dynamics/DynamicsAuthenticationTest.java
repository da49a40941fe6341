package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.TestBusinessCentral.CLIENT_ID;
import static dev.millwright.component.dynamics.TestBusinessCentral.SECRET;
import static dev.millwright.component.dynamics.TestBusinessCentral.readAll;
import static dev.millwright.component.dynamics.TestBusinessCentral.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/** Entra ID client credentials: token caching, refresh, a refused token fetched again once, refused credentials. */
class DynamicsAuthenticationTest extends CamelTestSupport {

    private static final String SECOND_SECRET = "second~secret.value";

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private final InMemoryConnectionRegistry connections = new InMemoryConnectionRegistry();
    private BusinessCentralSimulator bc;

    @Override
    protected void doPreSetup() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).client(CLIENT_ID, SECOND_SECRET)
                .clock(serverClock).vendors(12).items(5).fixedAssets(3).purchaseOrders(2).build().start();
        connections.register(new ConnectionSettings("plant-7", "dynamics", TestBusinessCentral.connectionOptions(bc)));
    }

    @AfterEach
    void stopSimulator() {
        bc.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", connections);
        return context;
    }

    private String uri(String collection, String options) {
        return TestBusinessCentral.uri(bc, collection, options);
    }

    private List<RecordedRequest> tokenRequests() {
        return requestsTo(bc, "/oauth2/v2.0/token");
    }

    @Test
    void oneTokenIsFetchedWithTheClientCredentialsGrantAndReused() {
        bc.clearRequestLog();
        readAll(template, uri("vendors", "initialHistory=all&pageSize=5"), Map.of());
        readAll(template, uri("vendors", "initialHistory=all&pageSize=5"), Map.of());

        assertThat(bc.tokensIssued()).isEqualTo(1);
        RecordedRequest token = tokenRequests().get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.path()).isEqualTo("/" + bc.tenantId() + "/oauth2/v2.0/token");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.body()).contains("grant_type=client_credentials").contains("client_id=" + CLIENT_ID)
                .contains("scope=https%3A%2F%2Fapi.businesscentral.dynamics.com%2F.default");
        assertThat(token.rawQuery()).isNull();
    }

    @Test
    void endpointsOfTheSameAppShareOneToken() {
        readAll(template, uri("vendors", "initialHistory=all"), Map.of());
        readAll(template, uri("inventory-items", "initialHistory=all"), Map.of());
        readAll(template, uri("assets", "initialHistory=all"), Map.of());

        assertThat(bc.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aTokenIsReplacedBeforeItExpires() {
        try (BusinessCentralSimulator shortLived = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET)
                .tokenLifetime(Duration.ofSeconds(1)).vendors(2).items(1).fixedAssets(0).purchaseOrders(0).build()
                .start()) {
            String uri = TestBusinessCentral.uri(shortLived, "vendors", "initialHistory=all");
            readAll(template, uri, Map.of());

            // half of a one-second lifetime later the cached token is replaced, never used until refused
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                readAll(template, uri, Map.of());
                assertThat(shortLived.tokensIssued()).isGreaterThanOrEqualTo(2);
            });
            assertThat(requestsTo(shortLived, "/vendors")).allMatch(r -> r.header("Authorization") != null);
        }
    }

    @Test
    void aCachedTokenBusinessCentralRefusesIsFetchedAgainOnceAndTheRequestRetried() {
        readAll(template, uri("vendors", "initialHistory=all"), Map.of());
        bc.revokeIssuedTokens();
        bc.clearRequestLog();

        assertThat(readAll(template, uri("vendors", "initialHistory=all"), Map.of())).hasSize(12);
        assertThat(bc.tokensIssued()).isEqualTo(2);
        assertThat(bc.requestLog()).extracting(RecordedRequest::method).containsExactly("GET", "POST", "GET");
    }

    @Test
    void aTokenExpiredByTheServersClockIsFetchedAgain() {
        readAll(template, uri("vendors", "initialHistory=all"), Map.of());
        serverClock.advance(Duration.ofHours(2));

        assertThat(readAll(template, uri("vendors", "initialHistory=all"), Map.of())).hasSize(12);
        assertThat(bc.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRevokedSecretIsAuthenticationRequiredWithTheAadstsCodeAndWithoutTheSecret() {
        readAll(template, uri("vendors", "initialHistory=all"), Map.of());
        bc.revokeClientSecret(SECRET);
        bc.revokeIssuedTokens();

        assertThatThrownBy(() -> readAll(template, "dynamics:vendors?connection=plant-7", Map.of()))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("AADSTS7000215")
                .hasMessageContaining("connection 'plant-7'").hasMessageContaining("entity 'vendor'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aWrongSecretIsAuthenticationRequiredAfterOneTokenRequest() {
        String wrong = uri("vendors", "").replace("clientSecret=RAW(" + SECRET + ")", "clientSecret=RAW(nope)");
        bc.clearRequestLog();

        assertThatThrownBy(() -> readAll(template, wrong, Map.of()))
                .hasCauseInstanceOf(AuthenticationRequiredException.class).cause().hasMessageContaining("invalid_client");
        assertThat(tokenRequests()).hasSize(1);
        assertThat(requestsTo(bc, "/vendors")).isEmpty();
    }

    @Test
    void aNewSecretOfTheConnectionTakesEffectAtOnce() {
        readAll(template, "dynamics:vendors?connection=plant-7&initialHistory=all", Map.of());
        Map<String, String> rotated = new HashMap<>(TestBusinessCentral.connectionOptions(bc));
        rotated.put("clientSecret", SECOND_SECRET);
        connections.register(new ConnectionSettings("plant-7", "dynamics", rotated));
        bc.revokeClientSecret(SECRET);
        bc.clearRequestLog();

        assertThat(readAll(template, "dynamics:vendors?connection=plant-7&initialHistory=all", Map.of())).hasSize(12);
        assertThat(tokenRequests()).singleElement().satisfies(r -> assertThat(r.body()).contains("client_secret=second"));
    }

    @Test
    void theCompanyNamedByTheConnectionIsLookedUpOnce() {
        bc.clearRequestLog();
        readAll(template, "dynamics:vendors?connection=plant-7&initialHistory=all", Map.of());
        readAll(template, "dynamics:vendors?connection=plant-7&initialHistory=all", Map.of());

        assertThat(requestsTo(bc, "/companies")).hasSize(1);
        assertThat(requestsTo(bc, "/vendors")).hasSize(2)
                .allMatch(r -> r.path().contains("/companies(" + bc.companyId() + ")/"));
    }
}
