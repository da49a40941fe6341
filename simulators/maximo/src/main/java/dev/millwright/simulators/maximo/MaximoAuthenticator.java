package dev.millwright.simulators.maximo;

import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maximo's native authentication: an API key in the {@code apikey} header or query parameter (the only
 * way on MAS), or the legacy {@code maxauth} header holding base64(user:password). {@code Authorization:
 * Basic} with the same user is accepted too, as LDAP-configured servers do. A simulator configured with
 * no key and no user accepts every request.
 */
final class MaximoAuthenticator {
    private final Set<String> apiKeys;
    private final Map<String, String> passwords;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    MaximoAuthenticator(Set<String> apiKeys, Map<String, String> passwords) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.passwords = Map.copyOf(passwords);
    }

    boolean isEnabled() {
        return !apiKeys.isEmpty() || !passwords.isEmpty();
    }

    void revoke(String apiKey) {
        revoked.add(apiKey);
    }

    void restore(String apiKey) {
        revoked.remove(apiKey);
    }

    /**
     * @throws MaximoException 401 with BMXAA7901E unless one of the credentials sent is valid
     */
    void authenticate(Headers headers, QueryParams params) {
        if (!isEnabled()) {
            return;
        }
        String apiKey = headers.getFirst("apikey");
        if (apiKey == null) {
            apiKey = params.get("apikey");
        }
        if (apiKey != null && apiKeys.contains(apiKey) && !revoked.contains(apiKey)) {
            return;
        }
        if (validUser(headers.getFirst("maxauth"))) {
            return;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && validUser(authorization.substring(6).trim())) {
            return;
        }
        throw MaximoErrors.notAuthenticated();
    }

    private boolean validUser(String base64Credentials) {
        if (base64Credentials == null) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(base64Credentials.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String password = passwords.get(credentials.substring(0, colon));
        return password != null && password.equals(credentials.substring(colon + 1));
    }
}
