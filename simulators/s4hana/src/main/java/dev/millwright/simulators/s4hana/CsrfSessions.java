package dev.millwright.simulators.s4hana;

import com.sun.net.httpserver.HttpExchange;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SAP's CSRF protection: a GET with {@code X-CSRF-Token: Fetch} answers a token bound to the session cookie
 * ({@code SAP_SESSIONID_S4H_100}, set when the request has none); POST, PUT, PATCH, MERGE and DELETE must carry
 * that cookie and that token, or get {@code 403} with {@code X-CSRF-Token: Required}.
 */
final class CsrfSessions {

    static final String COOKIE = "SAP_SESSIONID_S4H_100";

    private final Map<String, String> tokenBySession = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong fetches = new AtomicLong();

    /** Answers a Fetch: sets the token header, and the session cookie when the request had none. */
    void fetch(HttpExchange exchange) {
        String session = session(exchange);
        if (session == null) {
            session = randomText(24);
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "sap-usercontext=sap-client=100; path=/");
        }
        String token = tokenBySession.computeIfAbsent(session, s -> randomText(18) + "==");
        exchange.getResponseHeaders().set("x-csrf-token", token);
        fetches.incrementAndGet();
    }

    /**
     * @throws SapException 403 with {@code X-CSRF-Token: Required} unless the request's token belongs to its session
     */
    void check(HttpExchange exchange) {
        String session = session(exchange);
        String token = exchange.getRequestHeaders().getFirst("X-CSRF-Token");
        if (session == null || token == null || !token.equals(tokenBySession.get(session))) {
            throw SapErrors.csrfRequired();
        }
    }

    /** Forgets every session's token, as when SAP's sessions time out. */
    void invalidate() {
        tokenBySession.clear();
    }

    long fetches() {
        return fetches.get();
    }

    private static String session(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String cookie : header.split(";")) {
                String trimmed = cookie.trim();
                if (trimmed.startsWith(COOKIE + "=")) {
                    return trimmed.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private String randomText(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }
}
