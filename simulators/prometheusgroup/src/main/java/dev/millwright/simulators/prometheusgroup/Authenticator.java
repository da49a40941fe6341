package dev.millwright.simulators.prometheusgroup;

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
 * Who may call: API keys, Basic users and OAuth2 clients (client credentials grant) with the bearer tokens issued
 * to them. With none of them configured every request is accepted. Keys and clients can be revoked and restored,
 * and issued tokens expired, to test how a client copes.
 */
final class Authenticator {

    /** A bearer token issued to a client, valid until {@code expiresAt} (epoch ms). */
    private record Grant(String clientId, long expiresAt) {
    }

    /** What the token endpoint answers. */
    record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
    }

    private final Set<String> apiKeys;
    private final Map<String, String> users;
    private final Map<String, String> clients;
    private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedClients = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration tokenLifetime;

    Authenticator(Set<String> apiKeys, Map<String, String> users, Map<String, String> clients, Clock clock,
            Duration tokenLifetime) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.users = Map.copyOf(users);
        this.clients = Map.copyOf(clients);
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** Whether no credentials are configured, so that every request is accepted. */
    boolean open() {
        return apiKeys.isEmpty() && users.isEmpty() && clients.isEmpty();
    }

    /**
     * Checks a request's credentials: an API key (the planning API's {@code X-API-Key} header, the jobs API's
     * {@code Authorization: Token}), or {@code Authorization: Basic} or {@code Bearer}.
     *
     * @throws ApiError 401 when refused
     */
    void authenticate(String apiKey, String authorization) {
        if (open()) {
            return;
        }
        if (apiKey != null) {
            if (!apiKeyValid(apiKey)) {
                throw ApiError.unauthorized("the API key is not valid");
            }
            return;
        }
        if (authorization == null || authorization.isBlank()) {
            throw ApiError.unauthorized("credentials are required: an X-API-Key header, Basic or Bearer");
        }
        String[] scheme = authorization.trim().split("\\s+", 2);
        String credentials = scheme.length > 1 ? scheme[1] : "";
        switch (scheme[0].toLowerCase(java.util.Locale.ROOT)) {
            case "basic" -> {
                String[] user = decodeBasic(credentials);
                if (user == null || !user[1].equals(users.get(user[0]))) {
                    throw ApiError.unauthorized("the user name or password is not valid");
                }
            }
            case "bearer" -> {
                Grant grant = tokens.get(credentials);
                if (grant == null || revokedClients.contains(grant.clientId())) {
                    throw ApiError.unauthorized("the access token is not valid");
                }
                if (clock.millis() >= grant.expiresAt()) {
                    tokens.remove(credentials);
                    throw ApiError.unauthorized("the access token expired");
                }
            }
            default -> throw ApiError.unauthorized("unsupported authorization scheme " + scheme[0]);
        }
    }

    boolean apiKeyValid(String apiKey) {
        return open() || apiKeys.contains(apiKey) && !revokedKeys.contains(apiKey);
    }

    /**
     * The client credentials grant: client id and secret from Basic or from the form (any client, when no credentials
     * are configured).
     *
     * @throws ApiError 400 {@code unsupported_grant_type} / {@code invalid_request}, 401 {@code invalid_client}
     */
    IssuedToken issue(String authorization, Map<String, String> form) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw ApiError.of(400, "invalid_request", "grant_type is required");
        }
        if (!grantType.equals("client_credentials")) {
            throw ApiError.of(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.trim().toLowerCase(java.util.Locale.ROOT).startsWith("basic ")) {
            String[] basic = decodeBasic(authorization.trim().substring(6).trim());
            if (basic != null) {
                clientId = basic[0];
                secret = basic[1];
            }
        }
        boolean known = open() ? clientId != null : secret != null && secret.equals(clients.get(clientId));
        if (clientId == null || !known || revokedClients.contains(clientId)) {
            throw ApiError.of(401, "invalid_client", "client authentication failed");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "pgat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Grant(clientId, clock.millis() + tokenLifetime.toMillis()));
        issued.incrementAndGet();
        return new IssuedToken(token, tokenLifetime.toSeconds(), form.get("scope"));
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void revokeApiKey(String apiKey) {
        revokedKeys.add(apiKey);
    }

    void restoreApiKey(String apiKey) {
        revokedKeys.remove(apiKey);
    }

    void revokeClient(String clientId) {
        revokedClients.add(clientId);
    }

    void restoreClient(String clientId) {
        revokedClients.remove(clientId);
    }

    /** Every token issued so far stops working; clients must ask for new ones. */
    void expireTokens() {
        tokens.clear();
    }

    long tokensIssued() {
        return issued.get();
    }
}
