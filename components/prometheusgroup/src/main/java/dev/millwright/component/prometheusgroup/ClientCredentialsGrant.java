package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.component.prometheusgroup.profile.AuthProfile;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * OAuth2 client credentials (RFC 6749 section 4.4): fetches an access token from the token endpoint, sends it as
 * {@code Authorization: Bearer}, and keeps it until shortly before it expires (or, without {@code expires_in}, until
 * the source refuses it). A refused token is dropped, so the next request fetches a new one. One grant serves every
 * endpoint of the same client, token endpoint and scope.
 */
final class ClientCredentialsGrant implements RequestAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renew this long before expiry (at most half the lifetime), so a token never dies in flight. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private record AccessToken(String value, Instant renewAt) {
    }

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final AuthProfile.ClientAuthentication clientAuthentication;
    private final SourceHttpClient http;
    private final Clock clock;
    private AccessToken token;

    ClientCredentialsGrant(URI tokenEndpoint, String clientId, String clientSecret, String scope,
            AuthProfile.ClientAuthentication clientAuthentication, SourceHttpClient http, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clientAuthentication = clientAuthentication;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void authenticate(HttpRequest.Builder request, ErrorContext context) {
        request.setHeader("Authorization", "Bearer " + currentToken(context));
    }

    @Override
    public synchronized boolean renewAfterRejection() {
        token = null;
        return true;
    }

    private synchronized String currentToken(ErrorContext context) {
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch(context);
        }
        return token.value();
    }

    private AccessToken fetch(ErrorContext context) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (scope != null && !scope.isBlank()) {
            form.append("&scope=").append(encode(scope));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientAuthentication == AuthProfile.ClientAuthentication.BASIC) {
            String credentials = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(clientSecret));
        }
        Instant asked = clock.instant();
        // asking again only gets another token: safe to retry
        SourceResponse response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())), true,
                context);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the token endpoint " + tokenEndpoint.getPath()
                    + " answered something other than JSON", context, e);
        }
        JsonNode accessToken = body == null ? null : body.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new MalformedResponseException("the token endpoint " + tokenEndpoint.getPath()
                    + " answered without an access_token", context, null);
        }
        JsonNode type = body.get("token_type");
        if (type != null && !type.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new MalformedResponseException("the token endpoint " + tokenEndpoint.getPath()
                    + " issued a '" + type.asText() + "' token; only bearer tokens are supported", context, null);
        }
        JsonNode expiresIn = body.get("expires_in");
        Instant renewAt = Instant.MAX;
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual() && expiresIn.asText().matches("\\d+"))) {
            Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
            Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
            renewAt = asked.plus(lifetime).minus(margin);
        }
        return new AccessToken(accessToken.asText(), renewAt);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsGrant[" + tokenEndpoint + ", client " + clientId + "]";   // never the secret
    }
}
