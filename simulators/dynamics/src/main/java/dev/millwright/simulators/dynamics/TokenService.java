package dev.millwright.simulators.dynamics;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Microsoft Entra ID side of the simulator: the OAuth 2.0 client credentials grant of
 * {@code /{tenant}/oauth2/v2.0/token} for the registered apps (client id and secrets), and the check of the
 * bearer tokens it issued. Tokens are JWTs as Entra's are (signed with the simulator's own key, HS256) and
 * carry the tenant, app id, audience and expiry; expiry is judged by the simulator's clock.
 */
final class TokenService {
    static final String AUDIENCE = "https://api.businesscentral.dynamics.com";
    static final String SCOPE = AUDIENCE + "/.default";

    /** A refused token request: Entra's {@code error} code, AADSTS number and description. */
    static final class TokenError extends RuntimeException {
        final int status;
        final String error;
        final int aadsts;

        TokenError(int status, String error, int aadsts, String description) {
            super("AADSTS" + aadsts + ": " + description);
            this.status = status;
            this.error = error;
            this.aadsts = aadsts;
        }
    }

    private final ObjectMapper mapper;
    private final String tenantId;
    private final Map<String, Set<String>> secretsByClient;
    private final Set<String> revokedSecrets = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Duration lifetime;
    private final byte[] signingKey = new byte[32];
    private final AtomicLong issued = new AtomicLong();
    /** Tokens numbered below this one are refused (revokeIssuedTokens). */
    private volatile long firstValidSerial;

    TokenService(ObjectMapper mapper, String tenantId, Map<String, Set<String>> secretsByClient, Clock clock,
                 Duration lifetime) {
        this.mapper = mapper;
        this.tenantId = tenantId;
        this.secretsByClient = Map.copyOf(secretsByClient);
        this.clock = clock;
        this.lifetime = lifetime;
        new SecureRandom().nextBytes(signingKey);
    }

    /** Without any registered app the API needs no token (a convenience of the simulator). */
    boolean enabled() {
        return !secretsByClient.isEmpty();
    }

    long issuedCount() {
        return issued.get();
    }

    void revokeSecret(String secret) {
        revokedSecrets.add(secret);
    }

    void restoreSecret(String secret) {
        revokedSecrets.remove(secret);
    }

    /** Every token issued so far is refused from now on, as after the app's access was removed in BC. */
    void revokeIssuedTokens() {
        firstValidSerial = issued.get() + 1;
    }

    /**
     * Answers a token request: form fields {@code grant_type=client_credentials}, {@code client_id},
     * {@code client_secret} (or HTTP Basic client authentication) and {@code scope}.
     *
     * @throws TokenError as Entra ID refuses: unknown tenant, client or grant type, wrong or revoked secret, scope
     */
    ObjectNode issue(String tenantInPath, Map<String, String> form, String basicAuthorization) {
        if (!tenantInPath.equalsIgnoreCase(tenantId)) {
            throw new TokenError(400, "invalid_request", 90002, "Tenant '" + tenantInPath + "' not found. Check to"
                    + " make sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new TokenError(400, "invalid_request", 900144, "The request body must contain the following"
                    + " parameter: 'grant_type'.");
        }
        if (!grantType.equals("client_credentials")) {
            throw new TokenError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + grantType + "'.");
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (basicAuthorization != null && basicAuthorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(basicAuthorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decode(decoded.substring(0, colon));
                secret = decode(decoded.substring(colon + 1));
            }
        }
        if (clientId == null || clientId.isBlank()) {
            throw new TokenError(400, "invalid_request", 900144, "The request body must contain the following"
                    + " parameter: 'client_id'.");
        }
        Set<String> secrets = secretsByClient.get(clientId);
        if (secrets == null) {
            throw new TokenError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenantId + "'.");
        }
        if (secret == null || secret.isEmpty()) {
            throw new TokenError(401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or"
                    + " 'request' is required for the 'client_credentials' grant type.");
        }
        if (!contains(secrets, secret) || revokedSecrets.contains(secret)) {
            throw new TokenError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret"
                    + " being sent in the request is the client secret value, not the client secret ID, for a secret"
                    + " added to app '" + clientId + "'.");
        }
        String scope = form.get("scope");
        if (scope == null || !scope.trim().equalsIgnoreCase(SCOPE)) {
            throw new TokenError(400, "invalid_scope", 1002012, "The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to the"
                    + " resource identifier (application ID URI).");
        }
        long serial = issued.incrementAndGet();
        Instant now = clock.instant();
        ObjectNode answer = mapper.createObjectNode();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", lifetime.toSeconds());
        answer.put("ext_expires_in", lifetime.toSeconds());
        answer.put("access_token", sign(claims(clientId, serial, now)));
        return answer;
    }

    /**
     * The app id of a valid bearer token for the tenant of the request path.
     *
     * @throws BcException 401 Authentication_InvalidCredentials for a missing, malformed, foreign, expired or
     *                     revoked token
     */
    String authenticate(String authorization, String tenantInPath) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw BcErrors.notAuthenticated("The request has no bearer token.");
        }
        JsonNode claims = verify(authorization.substring(7).trim());
        if (claims == null) {
            throw BcErrors.notAuthenticated("The bearer token is not valid.");
        }
        if (!claims.path("aud").asText().equals(AUDIENCE)) {
            throw BcErrors.notAuthenticated("The token was issued for another audience.");
        }
        if (!claims.path("tid").asText().equalsIgnoreCase(tenantInPath)) {
            throw BcErrors.notAuthenticated("The token was issued for another tenant.");
        }
        if (claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
            throw BcErrors.notAuthenticated("The token has expired.");
        }
        if (claims.path("sim_serial").asLong() < firstValidSerial) {
            throw BcErrors.notAuthenticated("The token has been revoked.");
        }
        return claims.path("appid").asText();
    }

    private ObjectNode claims(String clientId, long serial, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", AUDIENCE);
        claims.put("iss", "https://sts.windows.net/" + tenantId + "/");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("appid", clientId);
        claims.put("appidacr", "1");
        claims.put("idp", "https://sts.windows.net/" + tenantId + "/");
        claims.put("oid", UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("roles", new String[] {"API.ReadWrite.All"});
        claims.put("tid", tenantId);
        claims.put("uti", UUID.randomUUID().toString());
        claims.put("ver", "1.0");
        claims.put("sim_serial", serial);
        return mapper.valueToTree(claims);
    }

    private String sign(ObjectNode claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + payload;
        return signed + "." + base64.encodeToString(hmac(signed));
    }

    /** The claims of a token this simulator signed, or null. */
    private JsonNode verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean contains(Set<String> secrets, String secret) {
        boolean found = false;
        for (String candidate : secrets) {
            found |= MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    private static String decode(String formEncoded) {
        return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
    }
}
