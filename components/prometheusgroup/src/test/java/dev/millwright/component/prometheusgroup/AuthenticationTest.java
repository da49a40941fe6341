package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The three kinds of credentials a profile can ask for, and access tokens kept, renewed and refused. */
class AuthenticationTest extends CamelTestSupport {

    private static final String CLIENT = "millwright";
    private static final String SECRET = "s3cret-client-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-03T08:00:00Z"));
    private PrometheusGroupSimulator pg;

    @TempDir
    Path profiles;

    @Override
    protected void doPreSetup() {
        pg = PrometheusGroupSimulator.builder().oauthClient(CLIENT, SECRET).apiKey("key-1")
                .basicUser("planner", "pw-1").tokenLifetime(Duration.ofHours(1)).clock(clock).workOrders(60)
                .assets(5).build().start();
    }

    @AfterEach
    void stopSimulator() {
        pg.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PrometheusGroupComponent component = new PrometheusGroupComponent();
        component.setClock(clock);
        context.addComponent(PrometheusGroupComponent.SCHEME, component);
        return context;
    }

    private String oauth(String options) {
        return "prometheusgroup:work-orders?baseUrl=" + pg.baseUrl() + "&clientId=" + CLIENT + "&clientSecret="
                + SECRET + "&initialHistory=all&pageSize=20&retryDelay=10" + options;
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

    private long tokenRequests() {
        return pg.requestLog().stream().filter(r -> r.path().equals("/oauth/token")).count();
    }

    @Test
    void anAccessTokenIsFetchedOnceAndSentWithEveryPage() {
        assertThat(readAll(oauth(""))).hasSize(60);

        assertThat(tokenRequests()).isEqualTo(1);
        RecordedRequest tokenRequest = pg.requestLog().get(0);
        assertThat(tokenRequest.body()).contains("grant_type=client_credentials")
                .contains("scope=planning.read+planning.write").doesNotContain(SECRET);
        assertThat(tokenRequest.header("authorization")).startsWith("Basic ");
        assertThat(pg.requestLog().subList(1, 4)).allMatch(r -> r.header("authorization").startsWith("Bearer pgat_"));
    }

    @Test
    void theTokenIsKeptAcrossReadsUntilShortlyBeforeItExpires() {
        readAll(oauth(""));
        clock.advance(Duration.ofMinutes(50));
        readAll(oauth(""));
        assertThat(pg.tokensIssued()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(9).plusSeconds(31));    // 30 s before expiry: renewed before use
        readAll(oauth(""));

        assertThat(pg.tokensIssued()).isEqualTo(2);
        assertThat(pg.requestLog()).noneMatch(r -> r.path().startsWith("/api/") && r.header("authorization") == null);
    }

    @Test
    void aTokenTheSourceRefusesIsRenewedOnceAndTheReadGoesOn() {
        Exchange reply = template.request(oauth(""), exchange -> { });
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 20; i++) {
                records.add(stream.next());
            }
            pg.expireTokens();
            stream.forEachRemaining(records::add);
        }

        assertThat(records).hasSize(60);
        assertThat(pg.tokensIssued()).isEqualTo(2);
    }

    @Test
    void refusedClientCredentialsAreAuthenticationRequiredWithoutTheSecret() {
        String uri = "prometheusgroup:work-orders?baseUrl=" + pg.baseUrl() + "&clientId=" + CLIENT
                + "&clientSecret=wrong-secret&retryDelay=10";

        assertThatThrownBy(() -> readAll(uri))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("/oauth/token")
                .hasMessageContaining("invalid_client").hasMessageContaining("entity 'work_order'")
                .hasMessageContaining("connection 'prometheusgroup@" + pg.baseUrl() + "'")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aRevokedClientFailsAfterOneRenewal() {
        readAll(oauth(""));
        pg.revokeClient(CLIENT);

        assertThatThrownBy(() -> readAll(oauth(""))).hasCauseInstanceOf(AuthenticationRequiredException.class);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void anApiKeyProfileSendsTheKeyInItsHeader() {
        String uri = "prometheusgroup:assets?baseUrl=" + pg.baseUrl() + "&apiKey=key-1&initialHistory=all&profile="
                + TestProfiles.apiKey(profiles);

        assertThat(readAll(uri)).hasSize(5);
        assertThat(pg.requestLog()).allMatch(r -> "key-1".equals(r.header("x-api-key")));
    }

    @Test
    void aRevokedApiKeyIsAuthenticationRequired() {
        pg.revokeApiKey("key-1");
        String uri = "prometheusgroup:assets?baseUrl=" + pg.baseUrl() + "&apiKey=key-1&profile="
                + TestProfiles.apiKey(profiles);

        assertThatThrownBy(() -> readAll(uri)).hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("Prometheus Group rejected the credentials")
                .hasMessageContaining("UNAUTHORIZED");
    }

    @Test
    void aBasicProfileSendsTheUserAndPassword() {
        String profile = TestProfiles.variant(profiles, "basic", Map.of("/auth", "{type: basic}"));
        String uri = "prometheusgroup:assets?baseUrl=" + pg.baseUrl() + "&user=planner&password=pw-1"
                + "&initialHistory=all&profile=" + profile;

        assertThat(readAll(uri)).hasSize(5);
        assertThat(pg.requestLog()).allMatch(r -> r.header("authorization").startsWith("Basic "));
    }

    @Test
    void aMissingCredentialNamesTheOptionAndTheAuthType() {
        String uri = "prometheusgroup:assets?baseUrl=" + pg.baseUrl() + "&profile=" + TestProfiles.apiKey(profiles);

        assertThatThrownBy(() -> readAll(uri)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("needs the option apiKey").hasMessageContaining("api_key");
    }
}
