package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** OAuth 2.0 client credentials and token-based authentication against the simulator's real verification. */
class NetSuiteAuthenticationTest extends NetSuiteCamelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private NetSuiteSimulator netsuite;

    @Override
    protected void doPreSetup() {
        netsuite = TestAccount.simulator().seed(37).vendors(12).inventoryItems(3).purchaseOrders(2).workOrders(1)
                .assets(2).build().start();
    }

    @AfterEach
    void stopSimulator() {
        netsuite.close();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    private static String vendors(String connection) {
        return "netsuite:vendors?connection=" + connection + "&initialHistory=all&pageSize=5";
    }

    private long apiRequests() {
        return netsuite.requestLog().stream().filter(r -> !r.path().endsWith("/token")).count();
    }

    @Test
    void theClientAssertionIsAShortLivedJwtForTheTokenEndpoint() throws Exception {
        readAll(vendors(TestAccount.OAUTH2));

        RecordedRequest token = netsuite.requestLog().stream().filter(r -> r.path().endsWith("/oauth2/v1/token"))
                .findFirst().orElseThrow();
        Map<String, String> form = form(token.body());
        assertThat(form).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        String[] jwt = form.get("client_assertion").split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.get("alg").asText()).isEqualTo("PS256");
        assertThat(header.get("kid").asText()).isEqualTo(TestAccount.CERTIFICATE_ID);
        assertThat(claims.get("iss").asText()).isEqualTo(TestAccount.CLIENT_ID);
        assertThat(claims.get("aud").asText()).isEqualTo(netsuite.tokenUrl());
        assertThat(claims.get("scope").toString()).contains("rest_webservices");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void oneTokenServesEveryRequestWhileItIsValid() {
        readAll(vendors(TestAccount.OAUTH2));
        readAll("netsuite:purchase-orders?connection=" + TestAccount.OAUTH2 + "&initialHistory=all");

        assertThat(netsuite.tokenRequestCount()).isEqualTo(1);
        assertThat(apiRequests()).isGreaterThan(3);
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeUse() {
        try (NetSuiteSimulator shortLived = TestAccount.simulator().vendors(12).purchaseOrders(0).workOrders(0)
                .inventoryItems(0).assets(0).tokenLifetime(Duration.ofSeconds(30)).build().start()) {
            context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(
                    new ConnectionSettings("short", "netsuite", TestAccount.oauth2Options(shortLived))));

            readAll(vendors("short"));

            long apiRequests = shortLived.requestLog().stream().filter(r -> !r.path().endsWith("/token")).count();
            assertThat(shortLived.tokenRequestCount()).isEqualTo(apiRequests).isGreaterThan(1);
        }
    }

    @Test
    void aTokenNetSuiteExpiredEarlyIsRenewedAndTheRequestRepeated() {
        readAll(vendors(TestAccount.OAUTH2));
        netsuite.expireAccessTokens();

        List<?> again = readAll(vendors(TestAccount.OAUTH2));

        assertThat(again).hasSize(12);
        assertThat(netsuite.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void aRevokedCertificateIsAuthenticationRequiredNamingTheConnection() {
        readAll(vendors(TestAccount.OAUTH2));
        netsuite.revokeCertificate(TestAccount.CERTIFICATE_ID);

        Exchange reply = request(vendors(TestAccount.OAUTH2), Map.of(), null);

        assertThat(reply.getException()).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("invalid_client")
                .hasMessageContaining("connection '" + TestAccount.OAUTH2 + "'").hasMessageContaining("entity 'vendor'");
    }

    @Test
    void anEcKeySignsWithEs256() throws Exception {
        assertThat(readAll(vendors(TestAccount.OAUTH2_EC))).hasSize(12);

        RecordedRequest token = netsuite.requestLog().stream().filter(r -> r.path().endsWith("/token")).findFirst()
                .orElseThrow();
        String header = form(token.body()).get("client_assertion").split("\\.")[0];
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(header)).get("alg").asText()).isEqualTo("ES256");
    }

    @Test
    void aPkcs1RsaKeyIsAccepted() {
        byte[] pkcs8 = TestAccount.RSA.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length); // PrivateKeyInfo header of a 2048-bit key
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        Map<String, String> options = new java.util.HashMap<>(TestAccount.oauth2Options(netsuite));
        options.put("privateKey", pem);
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(
                new ConnectionSettings("pkcs1", "netsuite", options)));

        assertThat(readAll(vendors("pkcs1"))).hasSize(12);
    }

    @Test
    void tokenBasedAuthenticationSignsEveryRequest() {
        readAll(vendors(TestAccount.TBA));

        List<RecordedRequest> api = netsuite.requestLog().stream().filter(r -> !r.path().endsWith("/token")).toList();
        assertThat(api).isNotEmpty().allSatisfy(request -> assertThat(request.header("Authorization"))
                .startsWith("OAuth realm=\"1234567_SB1\"").contains("oauth_signature_method=\"HMAC-SHA256\""));
        assertThat(netsuite.tokenRequestCount()).isZero();
    }

    @Test
    void aRetriedTbaRequestIsSignedAgainWithANewNonce() {
        netsuite.faults().failNextRequests(1, 503);

        assertThat(readAll(vendors(TestAccount.TBA))).hasSize(12);

        List<String> nonces = netsuite.requestLog().stream().limit(2).map(r -> r.header("Authorization"))
                .map(header -> header.replaceAll(".*oauth_nonce=\"([^\"]+)\".*", "$1")).toList();
        assertThat(nonces).doesNotHaveDuplicates();
    }

    @Test
    void aRevokedTbaTokenIsAuthenticationRequired() {
        netsuite.revokeToken(TestAccount.TOKEN_ID);

        Exchange reply = request(vendors(TestAccount.TBA), Map.of(), null);

        assertThat(reply.getException()).isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("INVALID_LOGIN");
    }

    @Test
    void anEndpointWithoutItsPrivateKeyIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> template.requestBody("netsuite:vendors?accountId=1234567&clientId=x&certificateId=y",
                (Object) null)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("privateKey");
    }

    @Test
    void aKeyThatIsNoPemIsRefusedWithoutQuotingIt() {
        Map<String, String> options = new java.util.HashMap<>(TestAccount.oauth2Options(netsuite));
        options.put("privateKey", "not-a-key-s3cr3t");
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(
                new ConnectionSettings("broken", "netsuite", options)));

        assertThatThrownBy(() -> readAll(vendors("broken"))).rootCause()
                .hasMessageContaining("privateKey is not a PEM private key").hasMessageNotContaining("s3cr3t");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
