package dev.millwright.component.netsuite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * OAuth 2.0 client credentials (machine to machine): a signed JWT assertion buys an access token at
 * {@code /services/rest/auth/oauth2/v1/token}; the token is kept until shortly before it expires (NetSuite issues
 * them for an hour and gives no refresh token in this flow) and shared by every endpoint of the connection. A token
 * NetSuite refuses early (revoked certificate, shortened lifetime) is dropped and bought again once.
 */
final class OAuth2ClientCredentials implements NetSuiteAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2ClientCredentials.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** A token expiring sooner than this is renewed before use, so that it cannot expire in flight. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);

    private final URI tokenUrl;
    private final JwtAssertion assertion;
    private final SourceHttpClient http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    OAuth2ClientCredentials(URI tokenUrl, JwtAssertion assertion, SourceHttpClient http, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.assertion = assertion;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String authorization(String method, URI uri, ErrorContext context) {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(RENEWAL_MARGIN))) {
            fetch(now, context);
        }
        return "Bearer " + token;
    }

    @Override
    public synchronized boolean renewAfterRefusal(String used) {
        if (token != null && used.equals("Bearer " + token)) {
            token = null;
            return true;
        }
        // another request renewed it already: try again with that one
        return token != null;
    }

    private void fetch(Instant now, ErrorContext context) {
        String form = "grant_type=client_credentials&client_assertion_type=" + encode(ASSERTION_TYPE)
                + "&client_assertion=" + encode(assertion.sign(tokenUrl.toString(), now));
        SourceResponse response = http.send(() -> HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), true, context);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the token endpoint answered invalid JSON", context, e);
        }
        JsonNode accessToken = answer == null ? null : answer.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new MalformedResponseException("the token endpoint answered without an access_token", context, null);
        }
        long lifetime = answer.path("expires_in").asLong(3600); // NetSuite sends it as text: "3600"
        token = accessToken.asText();
        expiresAt = now.plusSeconds(lifetime);
        LOG.debug("NetSuite access token obtained for {}, valid {} s", context.describe(), lifetime);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Reads the token endpoint's refusals, {@code {"error": "invalid_grant"}}, as lost authentication. */
    static AuthenticationRequiredException refusal(SourceResponse response, ErrorContext context) {
        String error = null;
        try {
            JsonNode body = JSON.readTree(response.body());
            error = body == null ? null : body.path("error").asText(null);
        } catch (IOException | RuntimeException notJson) {
            // a proxy answered: the status says enough
        }
        return new AuthenticationRequiredException("NetSuite refused the OAuth 2.0 client credentials token request"
                + " (HTTP " + response.status() + (error == null ? "" : ", " + error) + "): check the client id,"
                + " certificate id and private key, and that the certificate mapping is not revoked or expired",
                context);
    }
}
