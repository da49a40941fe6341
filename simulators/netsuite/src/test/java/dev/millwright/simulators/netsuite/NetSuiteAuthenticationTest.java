package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.TestCredentials.CERTIFICATE_ID;
import static dev.millwright.simulators.netsuite.TestCredentials.CLIENT_ID;
import static dev.millwright.simulators.netsuite.TestCredentials.CONSUMER_KEY;
import static dev.millwright.simulators.netsuite.TestCredentials.CONSUMER_SECRET;
import static dev.millwright.simulators.netsuite.TestCredentials.EC;
import static dev.millwright.simulators.netsuite.TestCredentials.RSA;
import static dev.millwright.simulators.netsuite.TestCredentials.TOKEN_ID;
import static dev.millwright.simulators.netsuite.TestCredentials.TOKEN_SECRET;
import static dev.millwright.simulators.netsuite.TestCredentials.assertion;
import static dev.millwright.simulators.netsuite.TestCredentials.nonce;
import static dev.millwright.simulators.netsuite.TestCredentials.tba;
import static dev.millwright.simulators.netsuite.TestCredentials.tokenForm;
import static dev.millwright.simulators.netsuite.TestHttp.form;
import static dev.millwright.simulators.netsuite.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth 2.0 client credentials and token-based authentication, verified with real signatures. */
class NetSuiteAuthenticationTest {

    private static final Instant NOW = Instant.parse("2024-06-03T15:00:00Z");
    private static final long IAT = NOW.getEpochSecond();
    private static final String EC_CERTIFICATE = "ec-cert-0001";
    private NetSuiteSimulator netsuite;

    @BeforeEach
    void start() {
        netsuite = NetSuiteSimulator.builder().accountId("1234567_sb1").vendors(3).purchaseOrders(1).workOrders(1)
                .inventoryItems(2).assets(1).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .oauth2Client(CLIENT_ID, CERTIFICATE_ID, RSA.getPublic())
                .oauth2Client(CLIENT_ID, EC_CERTIFICATE, EC.getPublic())
                .tbaToken(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET).build().start();
    }

    @AfterEach
    void stop() {
        netsuite.close();
    }

    private String vendors() {
        return TestHttp.recordUrl(netsuite, "vendor");
    }

    private TestHttp.Response token(String assertion) {
        return form(netsuite.tokenUrl(), tokenForm(assertion));
    }

    @Test
    void aPs256AssertionGetsABearerTokenValidForAnHour() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID,
                netsuite.tokenUrl(), IAT, 3600, "rest_webservices"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("expires_in").asText()).isEqualTo("3600");
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        String bearer = "Bearer " + response.json().get("access_token").asText();
        assertThat(get(vendors(), "Authorization", bearer).status()).isEqualTo(200);
    }

    @Test
    void anEs256AssertionGetsAToken() {
        TestHttp.Response response = token(assertion("ES256", EC.getPrivate(), EC_CERTIFICATE, CLIENT_ID,
                netsuite.tokenUrl(), IAT, 600, "rest_webservices"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), EC_CERTIFICATE, CLIENT_ID,
                netsuite.tokenUrl(), IAT, 600, "rest_webservices"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(netsuite.loginAuditTrail()).last().asString().contains("signature");
    }

    @Test
    void anExpiredAssertionIsRefused() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID,
                netsuite.tokenUrl(), IAT - 7200, 3600, "rest_webservices"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anAssertionValidForMoreThanAnHourIsRefused() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID,
                netsuite.tokenUrl(), IAT, 7200, "rest_webservices"));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID,
                "https://other.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token", IAT, 600,
                "rest_webservices"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(netsuite.loginAuditTrail()).last().asString().contains("aud");
    }

    @Test
    void anAssertionWithoutTheRestWebServicesScopeIsRefused() {
        TestHttp.Response response = token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID,
                netsuite.tokenUrl(), IAT, 600, "restlets"));

        assertThat(response.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void aRevokedCertificateGetsNoTokenAndItsTokensStopWorking() {
        String bearer = TestCredentials.bearerAt(netsuite, IAT);

        netsuite.revokeCertificate(CERTIFICATE_ID);

        assertThat(token(assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID, netsuite.tokenUrl(), IAT, 600,
                "rest_webservices")).json().get("error").asText()).isEqualTo("invalid_client");
        TestHttp.Response refused = get(vendors(), "Authorization", bearer);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("INVALID_LOGIN");
    }

    @Test
    void anExpiredAccessTokenIsRefused() {
        String bearer = TestCredentials.bearerAt(netsuite, IAT);

        netsuite.expireAccessTokens();

        assertThat(get(vendors(), "Authorization", bearer).status()).isEqualTo(401);
    }

    @Test
    void aRequestWithoutCredentialsIsRefused() {
        TestHttp.Response response = get(vendors());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorDetail()).startsWith("Invalid login attempt.");
    }

    @Test
    void aTbaSignedRequestIsServed() {
        String url = vendors() + "?limit=2&offset=0";

        TestHttp.Response response = get(url, "Authorization", tba("1234567_SB1", "GET", url, CONSUMER_KEY,
                CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET, nonce(), IAT));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aTbaSignatureWithTheWrongTokenSecretIsRefused() {
        String url = vendors();

        TestHttp.Response response = get(url, "Authorization", tba("1234567_SB1", "GET", url, CONSUMER_KEY,
                CONSUMER_SECRET, TOKEN_ID, "wrong-secret", nonce(), IAT));

        assertThat(response.status()).isEqualTo(401);
        assertThat(netsuite.loginAuditTrail()).last().asString().contains("signature does not verify");
    }

    @Test
    void aReplayedTbaNonceIsRefused() {
        String url = vendors();
        String header = tba("1234567_SB1", "GET", url, CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET, nonce(), IAT);

        assertThat(get(url, "Authorization", header).status()).isEqualTo(200);
        assertThat(get(url, "Authorization", header).status()).isEqualTo(401);
        assertThat(netsuite.loginAuditTrail()).last().asString().contains("nonce");
    }

    @Test
    void aTbaRealmOtherThanTheAccountIsRefused() {
        String url = vendors();

        TestHttp.Response response = get(url, "Authorization", tba("1234567", "GET", url, CONSUMER_KEY, CONSUMER_SECRET,
                TOKEN_ID, TOKEN_SECRET, nonce(), IAT));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aStaleTbaTimestampIsRefused() {
        String url = vendors();

        TestHttp.Response response = get(url, "Authorization", tba("1234567_SB1", "GET", url, CONSUMER_KEY,
                CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET, nonce(), IAT - 3600));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aRevokedTbaTokenIsRefused() {
        netsuite.revokeToken(TOKEN_ID);
        String url = vendors();

        TestHttp.Response response = get(url, "Authorization", tba("1234567_SB1", "GET", url, CONSUMER_KEY,
                CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET, nonce(), IAT));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aSimulatorWithoutCredentialsServesEveryone() {
        try (NetSuiteSimulator open = NetSuiteSimulator.builder().vendors(1).purchaseOrders(0).workOrders(0)
                .inventoryItems(0).assets(0).build().start()) {
            assertThat(get(TestHttp.recordUrl(open, "vendor")).status()).isEqualTo(200);
        }
    }
}
