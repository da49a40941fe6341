package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.getWith;
import static dev.millwright.simulators.prometheusgroup.TestHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** API keys, Basic users, and OAuth2 client credentials with bearer tokens. */
class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-03T08:00:00Z"));
    private PrometheusGroupSimulator pg;
    private String workOrders;

    @BeforeEach
    void start() {
        pg = PrometheusGroupSimulator.builder().apiKey("key-1").basicUser("planner", "s3cret")
                .oauthClient("millwright", "client-secret").tokenLifetime(Duration.ofMinutes(10)).clock(clock)
                .workOrders(5).assets(5).jobs(3).build().start();
        workOrders = pg.baseUrl() + "/api/v1/workorders";
    }

    @AfterEach
    void stop() {
        pg.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        TestHttp.Response response = postForm(pg.baseUrl() + "/oauth/token", "grant_type=client_credentials",
                "Authorization", basic("millwright", "client-secret"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    @Test
    void aValidApiKeyIsAccepted() {
        assertThat(getWith(workOrders, "X-API-Key", "key-1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownApiKeyIsRefusedWithTheErrorBody() {
        TestHttp.Response response = getWith(workOrders, "X-API-Key", "other");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aRevokedApiKeyIsRefusedUntilRestored() {
        pg.revokeApiKey("key-1");
        assertThat(getWith(workOrders, "X-API-Key", "key-1").status()).isEqualTo(401);

        pg.restoreApiKey("key-1");
        assertThat(getWith(workOrders, "X-API-Key", "key-1").status()).isEqualTo(200);
    }

    @Test
    void basicCredentialsAreChecked() {
        assertThat(getWith(workOrders, "Authorization", basic("planner", "s3cret")).status()).isEqualTo(200);
        assertThat(getWith(workOrders, "Authorization", basic("planner", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void theTokenEndpointIssuesABearerTokenWithItsLifetime() {
        TestHttp.Response response = postForm(pg.baseUrl() + "/oauth/token",
                "grant_type=client_credentials&client_id=millwright&client_secret=client-secret&scope=planning.read");

        JsonNode token = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(600);
        assertThat(token.get("scope").asText()).isEqualTo("planning.read");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(getWith(workOrders, "Authorization", "Bearer " + token.get("access_token").asText()).status())
                .isEqualTo(200);
        assertThat(pg.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aTokenPastItsLifetimeIsRefusedAsInvalidToken() {
        String token = token();
        clock.advance(Duration.ofMinutes(11));

        TestHttp.Response response = getWith(workOrders, "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(response.json().path("error").path("message").asText()).contains("expired");
    }

    @Test
    void expiredTokensAreRefusedAndANewOneWorks() {
        String old = token();
        pg.expireTokens();

        assertThat(getWith(workOrders, "Authorization", "Bearer " + old).status()).isEqualTo(401);
        assertThat(getWith(workOrders, "Authorization", "Bearer " + token()).status()).isEqualTo(200);
    }

    @Test
    void aWrongClientSecretIsInvalidClient() {
        TestHttp.Response response = postForm(pg.baseUrl() + "/oauth/token", "grant_type=client_credentials",
                "Authorization", basic("millwright", "nope"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void anotherGrantTypeIsUnsupported() {
        TestHttp.Response response = postForm(pg.baseUrl() + "/oauth/token", "grant_type=password",
                "Authorization", basic("millwright", "client-secret"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aRevokedClientGetsNoTokenAndItsTokensStopWorking() {
        String token = token();
        pg.revokeClient("millwright");

        assertThat(getWith(workOrders, "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(postForm(pg.baseUrl() + "/oauth/token", "grant_type=client_credentials", "Authorization",
                basic("millwright", "client-secret")).status()).isEqualTo(401);
    }

    @Test
    void withoutConfiguredCredentialsAnyClientGetsAToken() {
        try (PrometheusGroupSimulator open = PrometheusGroupSimulator.builder().workOrders(1).assets(1).build()
                .start()) {
            TestHttp.Response response = postForm(open.baseUrl() + "/oauth/token",
                    "grant_type=client_credentials&client_id=demo&client_secret=anything");

            assertThat(response.status()).isEqualTo(200);
            assertThat(getWith(open.baseUrl() + "/api/v1/workorders", "Authorization",
                    "Bearer " + response.json().get("access_token").asText()).status()).isEqualTo(200);
        }
    }

    @Test
    void aRequestWithoutCredentialsIsRefused() {
        assertThat(getWith(workOrders).status()).isEqualTo(401);
    }
}
