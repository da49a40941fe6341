package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** Basic users, the OAuth 2.0 token endpoint, token expiry and revocation. */
class S4HanaAuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T08:00:00Z"));
    private S4HanaSimulator s4;
    private String suppliers;

    @BeforeEach
    void start() {
        s4 = S4HanaSimulator.builder().basicUser("U", "P").oauthClient("CLIENT", "SECRET").clock(clock)
                .tokenLifetime(Duration.ofMinutes(10)).suppliers(3).purchaseOrders(1).maintenanceOrders(1)
                .equipment(1).stockRecords(1).build().start();
        suppliers = s4.serviceUrl("API_BUSINESS_PARTNER") + "/A_Supplier?$format=json";
    }

    @AfterEach
    void stop() {
        s4.close();
    }

    private HttpResponse<String> token(String form, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s4.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBasicUserIsServedAndAWrongPasswordGetsSapsPlainLogonFailure() {
        HttpResponse<String> wrong = TestHttp.basic("U", "wrong").get(suppliers);

        assertThat(TestHttp.basic("U", "P").get(suppliers).statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("Logon failed");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void theTokenEndpointIssuesBearerTokensForClientCredentials() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials", "CLIENT:SECRET");

        JsonNode answer = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answer.get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.get("expires_in").asLong()).isEqualTo(600);
        assertThat(TestHttp.bearer(answer.get("access_token").asText()).get(suppliers).statusCode()).isEqualTo(200);
    }

    @Test
    void clientCredentialsMayComeAsFormParameters() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=CLIENT&client_secret=SECRET", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(s4.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aWrongSecretIsInvalidClientAndAnotherGrantIsUnsupported() throws Exception {
        HttpResponse<String> wrong = token("grant_type=client_credentials", "CLIENT:nope");
        HttpResponse<String> password = token("grant_type=password&username=U&password=P", "CLIENT:SECRET");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).isEqualTo("invalid_client");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aTokenExpiresAfterItsLifetime() throws Exception {
        String token = json(token("grant_type=client_credentials", "CLIENT:SECRET")).get("access_token").asText();
        clock.advance(Duration.ofMinutes(11));

        assertThat(TestHttp.bearer(token).get(suppliers).statusCode()).isEqualTo(401);
    }

    @Test
    void revokingAClientRejectsItsTokensAndItsSecretUntilRestored() throws Exception {
        String token = json(token("grant_type=client_credentials", "CLIENT:SECRET")).get("access_token").asText();
        s4.revokeCredentials("CLIENT");

        assertThat(TestHttp.bearer(token).get(suppliers).statusCode()).isEqualTo(401);
        assertThat(token("grant_type=client_credentials", "CLIENT:SECRET").statusCode()).isEqualTo(401);
        s4.restoreCredentials("CLIENT");
        assertThat(token("grant_type=client_credentials", "CLIENT:SECRET").statusCode()).isEqualTo(200);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
