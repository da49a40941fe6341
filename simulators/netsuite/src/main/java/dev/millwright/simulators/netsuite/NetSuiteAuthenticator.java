package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * NetSuite's two ways in, verified for real. OAuth 2.0 client credentials: the token endpoint takes a JWT
 * assertion ({@code kid} = certificate id, {@code iss} = client id, {@code aud} = the token URL, {@code scope}
 * with rest_webservices, {@code exp} at most an hour after {@code iat}) signed PS256/384/512 or ES256/384/512
 * with the private key of a registered certificate, and issues bearer tokens valid for an hour. Token-based
 * authentication: OAuth 1.0a headers with {@code realm} = the account id, signed HMAC-SHA256 with the consumer and
 * token secrets, a fresh timestamp and a nonce never used before. Revoked certificates and tokens are refused at
 * once, bearer tokens issued with a revoked certificate included. Every refusal is written to the login audit
 * trail, as NetSuite does; the answer itself says only {@code INVALID_LOGIN}.
 */
final class NetSuiteAuthenticator {

    /** A registered OAuth 2.0 client credentials mapping: client id, certificate id, public key. */
    record OAuth2Client(String clientId, String certificateId, PublicKey publicKey) {
    }

    /** A token-based authentication access token with its integration's consumer key and secret. */
    record TbaToken(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
    }

    /** A refusal of the token endpoint: {@code {"error": ...}} with its status. */
    static final class TokenError extends RuntimeException {
        final int status;
        final String error;

        TokenError(int status, String error, String reason) {
            super(reason);
            this.status = status;
            this.error = error;
        }
    }

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    private static final int NONCES_KEPT = 200_000;
    private static final int AUDIT_ENTRIES = 1000;

    private final String accountId;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final ObjectMapper mapper;
    private final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();
    private final Map<String, TbaToken> tbaTokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> nonces = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > NONCES_KEPT;
        }
    };
    private final Deque<String> auditTrail = new ArrayDeque<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    private record Issued(String certificateId, long expiresAt) {
    }

    NetSuiteAuthenticator(String accountId, Clock clock, Duration tokenLifetime, ObjectMapper mapper,
                          List<OAuth2Client> clients, List<TbaToken> tbaTokens) {
        this.accountId = accountId;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.mapper = mapper;
        clients.forEach(client -> this.clients.put(client.certificateId(), client));
        tbaTokens.forEach(token -> this.tbaTokens.put(token.tokenId(), token));
    }

    /** With no credentials registered, every request is accepted. */
    boolean open() {
        return clients.isEmpty() && tbaTokens.isEmpty();
    }

    void revoke(String certificateOrTokenId) {
        revoked.add(certificateOrTokenId);
    }

    void restore(String certificateOrTokenId) {
        revoked.remove(certificateOrTokenId);
    }

    /** Makes every bearer token issued so far expire now. */
    void expireAccessTokens() {
        accessTokens.clear();
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    List<String> auditTrail() {
        synchronized (auditTrail) {
            return new ArrayList<>(auditTrail);
        }
    }

    // ---- the token endpoint ----

    /**
     * Answers a client credentials token request.
     *
     * @param form     the decoded form parameters
     * @param tokenUrl this endpoint's URL, the audience the assertion must name
     * @return the JSON answer
     * @throws TokenError when the request is refused
     */
    byte[] issueToken(Map<String, String> form, String tokenUrl) {
        tokenRequests.incrementAndGet();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw refuse(400, "unsupported_grant_type", "grant_type is " + form.get("grant_type"));
        }
        if (!CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            throw refuse(400, "invalid_request", "client_assertion_type is " + form.get("client_assertion_type"));
        }
        String assertion = form.get("client_assertion");
        if (assertion == null || assertion.isBlank()) {
            throw refuse(400, "invalid_request", "no client_assertion");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            throw refuse(400, "invalid_request", "the client assertion is not a JWT");
        }
        JsonNode header = decodeJson(parts[0]);
        JsonNode claims = decodeJson(parts[1]);
        String kid = header.path("kid").asText(null);
        OAuth2Client client = kid == null ? null : clients.get(kid);
        if (client == null) {
            throw refuse(401, "invalid_client", "unknown certificate id " + kid);
        }
        if (revoked.contains(kid)) {
            throw refuse(401, "invalid_client", "certificate " + kid + " is revoked");
        }
        String algorithm = header.path("alg").asText("");
        if (!verifySignature(algorithm, client.publicKey(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                decode(parts[2]))) {
            throw refuse(400, "invalid_grant", "the assertion's " + algorithm + " signature does not verify with"
                    + " certificate " + kid);
        }
        if (!client.clientId().equals(claims.path("iss").asText(null))) {
            throw refuse(401, "invalid_client", "iss " + claims.path("iss") + " is not the client of certificate "
                    + kid);
        }
        if (!audience(claims.get("aud"), tokenUrl)) {
            throw refuse(400, "invalid_grant", "aud " + claims.get("aud") + " is not " + tokenUrl);
        }
        if (!scopes(claims.get("scope")).contains("rest_webservices")) {
            throw refuse(400, "invalid_scope", "scope " + claims.get("scope") + " lacks rest_webservices");
        }
        long now = clock.instant().getEpochSecond();
        long iat = claims.path("iat").asLong(Long.MIN_VALUE);
        long exp = claims.path("exp").asLong(Long.MIN_VALUE);
        if (iat == Long.MIN_VALUE || exp == Long.MIN_VALUE || exp <= now || iat > now + 300 || exp - iat > 3600) {
            throw refuse(400, "invalid_grant", "iat " + iat + " / exp " + exp + " invalid at " + now
                    + " (exp must be in the future and at most 3600 s after iat)");
        }
        String token = accessToken(client, now);
        accessTokens.values().removeIf(issued -> issued.expiresAt <= now);
        accessTokens.put(token, new Issued(kid, now + tokenLifetime.toSeconds()));
        return ("{\"access_token\":\"" + token + "\",\"expires_in\":\"" + tokenLifetime.toSeconds()
                + "\",\"token_type\":\"bearer\"}").getBytes(StandardCharsets.UTF_8);
    }

    private TokenError refuse(int status, String error, String reason) {
        audit("OAuth 2.0 token request refused (" + error + "): " + reason);
        return new TokenError(status, error, reason);
    }

    private String accessToken(OAuth2Client client, long now) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(("{\"kid\":\"s.SYSTEM.2024_1\",\"typ\":\"JWT\",\"alg\":\"RS256\"}")
                .getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"sub\":\"3;" + client.clientId().hashCode() + "\",\"aud\":[\""
                + client.clientId() + "\"],\"scope\":[\"rest_webservices\"],\"iss\":\"https://system.netsuite.com\","
                + "\"exp\":" + (now + tokenLifetime.toSeconds()) + ",\"iat\":" + now + ",\"jti\":\""
                + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        return header + "." + payload + "." + encoder.encodeToString(signature);
    }

    private static boolean verifySignature(String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier;
            switch (algorithm) {
                case "PS256", "PS384", "PS512" -> {
                    if (!(key instanceof RSAPublicKey)) {
                        return false;
                    }
                    String hash = "SHA-" + algorithm.substring(2);
                    int saltLength = Integer.parseInt(algorithm.substring(2)) / 8;
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
                }
                case "ES256", "ES384", "ES512" -> {
                    if (!(key instanceof ECPublicKey)) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA" + algorithm.substring(2) + "withECDSAinP1363Format");
                }
                default -> {
                    return false;
                }
            }
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean audience(JsonNode aud, String tokenUrl) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode value : aud) {
                if (value.asText().equals(tokenUrl)) {
                    return true;
                }
            }
            return false;
        }
        return aud.asText().equals(tokenUrl);
    }

    private static List<String> scopes(JsonNode scope) {
        List<String> scopes = new ArrayList<>();
        if (scope == null) {
            return scopes;
        }
        if (scope.isArray()) {
            scope.forEach(value -> scopes.add(value.asText().trim()));
        } else {
            for (String value : scope.asText().split("[,\\s]+")) {
                scopes.add(value.trim());
            }
        }
        return scopes;
    }

    private JsonNode decodeJson(String part) {
        try {
            return mapper.readTree(decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw refuse(400, "invalid_request", "a JWT part is not base64url JSON");
        }
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    // ---- API requests ----

    /**
     * Checks the Authorization header of an API request.
     *
     * @param baseUri the request URL without its query, as the client named it (scheme, host, port, path)
     * @param query   the decoded query parameters, for the OAuth 1.0a signature
     * @throws NetSuiteException 401 INVALID_LOGIN when refused
     */
    void authenticate(String method, String baseUri, List<String[]> query, String authorization) {
        if (open()) {
            return;
        }
        if (authorization == null || authorization.isBlank()) {
            throw refused("no Authorization header");
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Issued issued = accessTokens.get(authorization.substring(7).trim());
            long now = clock.instant().getEpochSecond();
            if (issued == null || issued.expiresAt <= now) {
                throw refused("the bearer token is unknown or has expired");
            }
            if (revoked.contains(issued.certificateId())) {
                throw refused("the bearer token was issued with revoked certificate " + issued.certificateId());
            }
            return;
        }
        if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            verifyTba(method, baseUri, query, oauthParameters(authorization.substring(6)));
            return;
        }
        throw refused("unsupported Authorization scheme");
    }

    private void verifyTba(String method, String baseUri, List<String[]> query, Map<String, String> oauth) {
        if (!accountId.equals(oauth.get("realm"))) {
            throw refused("TBA realm " + oauth.get("realm") + " is not the account id " + accountId);
        }
        String tokenId = oauth.get("oauth_token");
        TbaToken token = tokenId == null ? null : tbaTokens.get(tokenId);
        if (token == null || !token.consumerKey().equals(oauth.get("oauth_consumer_key"))) {
            throw refused("TBA token " + tokenId + " or its consumer key is unknown");
        }
        if (revoked.contains(tokenId)) {
            throw refused("TBA token " + tokenId + " is revoked");
        }
        if (!"HMAC-SHA256".equals(oauth.get("oauth_signature_method")) || !"1.0".equals(oauth.get("oauth_version"))) {
            throw refused("TBA needs oauth_signature_method HMAC-SHA256 and oauth_version 1.0");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(oauth.get("oauth_timestamp"));
        } catch (NumberFormatException e) {
            throw refused("TBA oauth_timestamp is not a number");
        }
        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - timestamp) > TIMESTAMP_WINDOW.toSeconds()) {
            throw refused("TBA timestamp " + timestamp + " is too far from " + now.getEpochSecond());
        }
        String nonce = oauth.get("oauth_nonce");
        if (nonce == null || nonce.isEmpty()) {
            throw refused("TBA request without a nonce");
        }
        String expected = tbaSignature(method, baseUri, query, oauth, token.consumerSecret(), token.tokenSecret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(oauth.get("oauth_signature")).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("TBA signature does not verify for token " + tokenId);
        }
        synchronized (nonces) {
            String key = tokenId + "/" + nonce;
            if (nonces.containsKey(key)) {
                throw refused("TBA nonce " + nonce + " was used before");
            }
            nonces.put(key, timestamp);
        }
    }

    /** The OAuth 1.0a HMAC-SHA256 signature of a request (RFC 5849 section 3.4). */
    static String tbaSignature(String method, String baseUri, List<String[]> query, Map<String, String> oauth,
                               String consumerSecret, String tokenSecret) {
        TreeMap<String, List<String>> parameters = new TreeMap<>();
        for (String[] parameter : query) {
            parameters.computeIfAbsent(encode(parameter[0]), k -> new ArrayList<>()).add(encode(parameter[1]));
        }
        for (Map.Entry<String, String> entry : oauth.entrySet()) {
            if (!entry.getKey().equals("realm") && !entry.getKey().equals("oauth_signature")) {
                parameters.computeIfAbsent(encode(entry.getKey()), k -> new ArrayList<>()).add(encode(entry.getValue()));
            }
        }
        StringBuilder normalized = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            List<String> values = new ArrayList<>(entry.getValue());
            values.sort(null);
            for (String value : values) {
                if (!normalized.isEmpty()) {
                    normalized.append('&');
                }
                normalized.append(entry.getKey()).append('=').append(value);
            }
        }
        String base = method.toUpperCase(java.util.Locale.ROOT) + "&" + encode(baseUri) + "&"
                + encode(normalized.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** RFC 3986 percent-encoding: everything but unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static Map<String, String> oauthParameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : header.split(",")) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = trimmed.substring(0, equals).trim();
            String value = trimmed.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            parameters.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private NetSuiteException refused(String reason) {
        audit("Login refused: " + reason);
        return NetSuiteErrors.invalidLogin();
    }

    private void audit(String entry) {
        synchronized (auditTrail) {
            auditTrail.addLast(clock.instant() + " " + entry);
            while (auditTrail.size() > AUDIT_ENTRIES) {
                auditTrail.removeFirst();
            }
        }
    }

    /** The access tokens still valid, for the control endpoint's statistics. */
    int liveAccessTokens() {
        long now = clock.instant().getEpochSecond();
        int live = 0;
        for (Iterator<Issued> it = accessTokens.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt > now) {
                live++;
            }
        }
        return live;
    }
}
