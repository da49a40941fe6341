package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Entra ID token endpoint and the bearer check of the API. */
class BusinessCentralAuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T12:00:00Z"));
    private BusinessCentralSimulator bc;
    private TestHttp http;

    @BeforeEach
    void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).clock(clock)
                .tokenLifetime(Duration.ofMinutes(10)).vendors(3).items(2).fixedAssets(1).purchaseOrders(1)
                .build().start();
        http = new TestHttp(bc);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    private TestHttp.Response tokenFor(String secret) {
        return http.tokenRequest("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", secret,
                "scope", TokenService.SCOPE);
    }

    @Test
    void theClientCredentialsGrantIssuesABearerTokenForTheBusinessCentralAudience() throws Exception {
        TestHttp.Response response = tokenFor(SECRET);

        assertThat(response.status()).isEqualTo(200);
        JsonNode token = response.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(600);
        String[] jwt = token.get("access_token").asText().split("\\.");
        assertThat(jwt).hasSize(3);
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.get("aud").asText()).isEqualTo("https://api.businesscentral.dynamics.com");
        assertThat(claims.get("tid").asText()).isEqualTo(bc.tenantId());
        assertThat(claims.get("appid").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("exp").asLong()).isEqualTo(clock.instant().plusSeconds(600).getEpochSecond());
    }

    @Test
    void clientSecretBasicAuthenticationIsAcceptedToo() {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        TestHttp.Response response = TestHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bc.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + TestHttp.enc(TokenService.SCOPE))));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsInvalidClientWithItsAadstsCode() {
        TestHttp.Response response = tokenFor("not-the-secret");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(response.json().get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(response.json().get("error_description").asText()).startsWith("AADSTS7000215: Invalid client secret");
    }

    @Test
    void anUnknownClientIsUnauthorizedClient() {
        TestHttp.Response response = http.tokenRequest("grant_type", "client_credentials", "client_id", "someone-else",
                "client_secret", SECRET, "scope", TokenService.SCOPE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(response.json().get("error_description").asText()).startsWith("AADSTS700016");
    }

    @Test
    void anotherGrantTypeIsRefused() {
        TestHttp.Response response = http.tokenRequest("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", SECRET, "scope", TokenService.SCOPE);

        assertThat(response.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aScopeWithoutDefaultIsInvalidScope() {
        TestHttp.Response response = http.tokenRequest("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", SECRET, "scope", "https://api.businesscentral.dynamics.com/Financials.ReadWrite.All");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void aRevokedSecretGetsNoNewTokenButTokensAlreadyIssuedStillWork() {
        String issued = http.newToken();
        bc.revokeClientSecret(SECRET);

        assertThat(tokenFor(SECRET).status()).isEqualTo(401);
        assertThat(TestHttp.getWithout(http.company("/vendors"), "Authorization", "Bearer " + issued).status())
                .isEqualTo(200);
        bc.restoreClientSecret(SECRET);
        assertThat(tokenFor(SECRET).status()).isEqualTo(200);
    }

    @Test
    void theApiRefusesARequestWithoutATokenWithAuthenticationInvalidCredentials() {
        TestHttp.Response response = TestHttp.getWithout(http.company("/vendors"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("Authentication_InvalidCredentials");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = http.newToken();
        clock.advance(Duration.ofMinutes(10));

        TestHttp.Response response = TestHttp.getWithout(http.company("/vendors"), "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/message").asText()).contains("expired");
    }

    @Test
    void revokedTokensAreRefusedAndNewOnesWork() {
        String old = http.newToken();
        bc.revokeIssuedTokens();

        assertThat(TestHttp.getWithout(http.company("/vendors"), "Authorization", "Bearer " + old).status())
                .isEqualTo(401);
        assertThat(TestHttp.getWithout(http.company("/vendors"), "Authorization", "Bearer " + http.newToken())
                .status()).isEqualTo(200);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = http.newToken();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";

        assertThat(TestHttp.getWithout(http.company("/vendors"), "Authorization", "Bearer " + forged).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenOfTheTenantDoesNotOpenAnotherTenantsApi() {
        String otherTenant = bc.apiUrl().replace(bc.tenantId(), "11111111-2222-3333-4444-555555555555");

        TestHttp.Response response = TestHttp.getWithout(otherTenant + "/companies", "Authorization",
                "Bearer " + http.newToken());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void theTokenEndpointCountsWhatItIssued() {
        http.newToken();
        http.newToken();

        assertThat(bc.tokensIssued()).isEqualTo(2);
    }
}
