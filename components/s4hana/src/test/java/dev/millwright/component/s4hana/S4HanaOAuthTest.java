package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.s4hana.S4HanaSimulator;

/** OAuth 2.0 client credentials against the simulator's token endpoint: caching, expiry, renewal, revocation. */
class S4HanaOAuthTest extends CamelTestSupport {

    private static final String CLIENT = "MILLWRIGHT_COMM";
    private static final String SECRET = "s3cr3t-Client";
    private static S4HanaSimulator s4;

    @BeforeAll
    static void startSimulator() {
        s4 = S4HanaSimulator.builder().oauthClient(CLIENT, SECRET).tokenLifetime(Duration.ofMinutes(2)).seed(5)
                .purchaseOrders(12).maintenanceOrders(5).stockRecords(5).suppliers(6).equipment(5).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        s4.close();
    }

    @BeforeEach
    void restore() {
        s4.restoreCredentials(CLIENT);
    }

    private String uri(String options) {
        return "s4hana:vendors?baseUrl=" + s4.baseUrl() + "&tokenUrl=" + s4.tokenUrl() + "&clientId=" + CLIENT
                + "&clientSecret=RAW(" + SECRET + ")&scope=API_BUSINESS_PARTNER_0001&initialHistory=all"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri) {
        Exchange reply = template.request(uri, exchange -> { });
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aTokenIsFetchedOnceAndSentAsBearerUntilItExpires() {
        String uri = uri("pageSize=2");
        long issued = s4.tokensIssued();

        readAll(uri);
        readAll(uri);

        assertThat(s4.tokensIssued()).isEqualTo(issued + 1);
        RecordedRequest read = s4.requestLog().stream().filter(r -> r.path().endsWith("/A_Supplier"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(read.header("authorization")).startsWith("Bearer ");
        RecordedRequest token = s4.requestLog().stream().filter(r -> r.path().endsWith("/oauth2/token"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.queryParam("grant_type")).isEqualTo("client_credentials");
        assertThat(token.header("authorization")).startsWith("Basic ");
    }

    @Test
    void aTokenSapRejectsIsFetchedAgainOnceAndTheRequestRepeated() {
        String uri = uri("pageSize=50");
        readAll(uri);
        long issued = s4.tokensIssued();
        s4.expireTokens();

        List<ObjectNode> records = readAll(uri);

        assertThat(records).hasSize(s4.count("A_Supplier"));
        assertThat(s4.tokensIssued()).isEqualTo(issued + 1);
    }

    @Test
    void aTokenWithinTheExpiryMarginIsRenewedBeforeItIsUsed() {
        String uri = uri("pageSize=50&tokenExpiryMargin=300");
        long issued = s4.tokensIssued();

        readAll(uri);
        readAll(uri);

        assertThat(s4.tokensIssued()).isEqualTo(issued + 2);
    }

    @Test
    void aRevokedClientIsAuthenticationRequiredNamingTheTokenEndpoint() {
        s4.revokeCredentials(CLIENT);

        assertThatThrownBy(() -> readAll(uri("pageSize=3&tokenExpiryMargin=300")))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("token endpoint").hasMessageContaining("invalid_client")
                .hasMessageContaining("entity 'vendor'");
    }

    @Test
    void writesCarryTheBearerTokenAndTheCsrfToken() {
        ObjectNode supplier = s4.records("A_Supplier").get(0);

        template.requestBodyAndHeaders(uri("operation=update"), java.util.Map.of("SupplierName", "Renamed by OAuth"),
                java.util.Map.of("MillwrightRemoteId", supplier.get("Supplier").asText(), "MillwrightRemoteVersion",
                        S4HanaSimulator.etagOf(supplier)));

        RecordedRequest patch = s4.requestLog().stream().filter(r -> r.method().equals("PATCH")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(patch.header("authorization")).startsWith("Bearer ");
        assertThat(patch.header("x-csrf-token")).isNotBlank();
        assertThat(s4.record("A_Supplier", supplier.get("Supplier").asText()).get("SupplierName").asText())
                .isEqualTo("Renamed by OAuth");
    }
}
