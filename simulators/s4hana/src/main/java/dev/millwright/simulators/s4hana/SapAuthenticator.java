package dev.millwright.simulators.s4hana;

import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may call: Basic users (S/4HANA on premise) and OAuth 2.0 clients that obtained a bearer token with the
 * client credentials grant (S/4HANA Cloud communication arrangements). Tokens expire after the configured time;
 * credentials can be revoked, which also invalidates the tokens already issued to a client. A simulator with no
 * user and no client accepts every request.
 */
final class SapAuthenticator {

    /** An issued token: its client and when it expires (epoch milliseconds). */
    private record Token(String clientId, long expiresAt) {
    }

    private final Map<String, String> users;
    private final Map<String, String> clients;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    SapAuthenticator(Map<String, String> users, Map<String, String> clients, Duration tokenLifetime, Clock clock) {
        this.users = Map.copyOf(users);
        this.clients = Map.copyOf(clients);
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    boolean isEnabled() {
        return !users.isEmpty() || !clients.isEmpty();
    }

    void revoke(String userOrClient) {
        revoked.add(userOrClient);
        tokens.values().removeIf(token -> token.clientId().equals(userOrClient));
    }

    void restore(String userOrClient) {
        revoked.remove(userOrClient);
    }

    /** Makes every issued token expired, as if its lifetime had passed. */
    void expireTokens() {
        tokens.replaceAll((value, token) -> new Token(token.clientId(), Long.MIN_VALUE));
    }

    long tokensIssued() {
        return issued.get();
    }

    long tokenLifetimeSeconds() {
        return tokenLifetime.toSeconds();
    }

    /**
     * The caller's name (user, or client id of a bearer token).
     *
     * @throws SapException 401 unless the request carries valid credentials
     */
    String authenticate(Headers headers) {
        if (!isEnabled()) {
            return "CB9980000001";
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Token token = tokens.get(authorization.substring(7).trim());
            if (token != null && token.expiresAt() > clock.millis() && !revoked.contains(token.clientId())) {
                return token.clientId();
            }
            throw SapErrors.logonFailed();
        }
        String[] basic = basic(authorization);
        if (basic != null && basic[1].equals(users.get(basic[0])) && !revoked.contains(basic[0])) {
            return basic[0];
        }
        throw SapErrors.logonFailed();
    }

    /**
     * Issues a token to a client that authenticates with its secret (Basic header or form parameters).
     *
     * @return the token, or null when the client is unknown, revoked or gave a wrong secret
     */
    String issue(String authorization, String formClientId, String formSecret) {
        String clientId = formClientId;
        String secret = formSecret;
        String[] basic = basic(authorization);
        if (basic != null) {
            clientId = basic[0];
            secret = basic[1];
        }
        if (clientId == null || secret == null || !secret.equals(clients.get(clientId)) || revoked.contains(clientId)) {
            return null;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Token(clientId, clock.millis() + tokenLifetime.toMillis()));
        issued.incrementAndGet();
        return token;
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : new String[] {credentials.substring(0, colon), credentials.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
