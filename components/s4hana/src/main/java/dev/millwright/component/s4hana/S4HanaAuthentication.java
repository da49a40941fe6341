package dev.millwright.component.s4hana;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * The Authorization header of every request: Basic credentials, or a bearer token obtained with the OAuth 2.0
 * client credentials grant, cached until shortly before it expires and fetched again when SAP rejects it.
 */
abstract class S4HanaAuthentication {

    static S4HanaAuthentication of(S4HanaConfiguration configuration, String where) {
        boolean oauth = given(configuration.getClientId()) || given(configuration.getTokenUrl());
        if (oauth) {
            if (!given(configuration.getClientId()) || !given(configuration.getClientSecret())
                    || !given(configuration.getTokenUrl())) {
                throw new IllegalArgumentException(where + " uses OAuth 2.0 and needs tokenUrl, clientId and"
                        + " clientSecret");
            }
            return new ClientCredentials(configuration);
        }
        if (!given(configuration.getUser()) || configuration.getPassword() == null) {
            throw new IllegalArgumentException(where + " needs user and password (Basic), or tokenUrl, clientId and"
                    + " clientSecret (OAuth 2.0), or a connection");
        }
        return new Basic(configuration.getUser(), configuration.getPassword());
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** Gives the authentication the HTTP path it may need (the token endpoint) and the clock of expiries. */
    void bind(SourceHttpClient http, Clock clock) {
    }

    /** The value of the Authorization header. */
    abstract String authorization(ErrorContext context);

    /** After SAP answered 401: drops what may be stale; true when asking again may succeed. */
    abstract boolean renewAfterRejection();

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Basic user and password: nothing to renew. */
    private static final class Basic extends S4HanaAuthentication {
        private final String header;

        Basic(String user, String password) {
            this.header = basic(user, password);
        }

        @Override
        String authorization(ErrorContext context) {
            return header;
        }

        @Override
        boolean renewAfterRejection() {
            return false;
        }
    }

    /** OAuth 2.0 client credentials with a cached token. */
    private static final class ClientCredentials extends S4HanaAuthentication {
        private static final ObjectMapper JSON = new ObjectMapper();

        private final URI tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final String scope;
        private final int marginSeconds;
        private SourceHttpClient http;
        private Clock clock = Clock.systemUTC();
        private String token;
        private Instant renewAt = Instant.MIN;

        ClientCredentials(S4HanaConfiguration configuration) {
            this.tokenUrl = URI.create(configuration.getTokenUrl().trim());
            this.clientId = configuration.getClientId();
            this.clientSecret = configuration.getClientSecret();
            this.scope = configuration.getScope();
            this.marginSeconds = Math.max(0, configuration.getTokenExpiryMargin());
        }

        @Override
        void bind(SourceHttpClient http, Clock clock) {
            this.http = http;
            this.clock = clock;
        }

        @Override
        synchronized String authorization(ErrorContext context) {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                fetch(context);
            }
            return "Bearer " + token;
        }

        @Override
        synchronized boolean renewAfterRejection() {
            token = null;
            return true;
        }

        private void fetch(ErrorContext context) {
            StringBuilder form = new StringBuilder("grant_type=client_credentials");
            if (scope != null && !scope.isBlank()) {
                form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                    .header("Authorization", basic(clientId, clientSecret))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
            Instant asked = clock.instant();
            SourceResponse response;
            try {
                response = http.send(request, true, context);
            } catch (AuthenticationRequiredException e) {
                throw new AuthenticationRequiredException("the token endpoint " + tokenUrl.getPath()
                        + " refused client '" + clientId + "': " + e.detail(), context);
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new MalformedResponseException("the token endpoint answered invalid JSON: " + e.getMessage(),
                        context, e);
            }
            JsonNode accessToken = answer == null ? null : answer.get("access_token");
            if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
                throw new MalformedResponseException("the token endpoint answered without an access_token", context,
                        null);
            }
            long lifetime = answer.path("expires_in").asLong(3600);
            token = accessToken.asText();
            renewAt = asked.plusSeconds(Math.max(0, lifetime - marginSeconds));
        }
    }
}
