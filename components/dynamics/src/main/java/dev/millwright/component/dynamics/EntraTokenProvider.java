package dev.millwright.component.dynamics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.HttpSettings;
import dev.millwright.core.http.RateLimiter;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * Access tokens of one Entra app registration, by the OAuth 2.0 client credentials grant: fetched when first
 * needed, cached until shortly before they expire (the refresh margin, never more than half the lifetime), then
 * fetched again. A token Business Central refused is {@linkplain #invalidate dropped} so that the next call
 * fetches a new one. Thread-safe; the secret never leaves the token request.
 */
final class EntraTokenProvider {

    /** A bearer token, whether it was fetched just now, and when to stop using it. */
    record AccessToken(String value, Instant refreshAt, boolean fresh) {
        @Override
        public String toString() {
            return "AccessToken[refreshAt=" + refreshAt + ", fresh=" + fresh + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Duration refreshMargin;
    private final SourceHttpClient http;
    private final Clock clock = Clock.systemUTC();
    private AccessToken cached;

    EntraTokenProvider(String tokenUrl, String clientId, String clientSecret, String scope, int refreshMarginSeconds,
                       HttpSettings httpSettings) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.refreshMargin = Duration.ofSeconds(Math.max(0, refreshMarginSeconds));
        // the token endpoint is Entra ID's, not Business Central's: BC's request limit does not apply
        this.http = new SourceHttpClient(httpSettings, RateLimiter.unlimited(), new EntraErrorDecoder(clientId));
    }

    /** A token valid for a while yet: the cached one, or a new one. */
    synchronized AccessToken token(ErrorContext context) {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached;
        }
        AccessToken fetched = fetch(now, context);
        cached = new AccessToken(fetched.value(), fetched.refreshAt(), false);
        return fetched;
    }

    /** Forgets a token Business Central refused, unless another caller already replaced it. */
    synchronized void invalidate(AccessToken refused) {
        if (cached != null && cached.value().equals(refused.value())) {
            cached = null;
        }
    }

    private AccessToken fetch(Instant now, ErrorContext context) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(scope);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        SourceResponse response = http.send(request, true, context);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the token endpoint " + URI.create(tokenUrl).getPath()
                    + " answered with invalid JSON", context, e);
        }
        JsonNode token = answer == null ? null : answer.get("access_token");
        JsonNode expiresIn = answer == null ? null : answer.get("expires_in");
        if (token == null || !token.isTextual() || expiresIn == null || expiresIn.asLong(-1) <= 0) {
            throw new MalformedResponseException("the token endpoint " + URI.create(tokenUrl).getPath()
                    + " answered without access_token and expires_in", context, null);
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        Duration usable = lifetime.minus(refreshMargin);
        Duration half = lifetime.dividedBy(2);
        return new AccessToken(token.textValue(), now.plus(usable.compareTo(half) < 0 ? half : usable), true);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
