package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OAuth 2.0 token endpoint {@code POST /sap/bc/sec/oauth2/token}: the client credentials grant, with the
 * client authenticated by a Basic header or by {@code client_id} and {@code client_secret} form parameters.
 * Answers {@code {"access_token","token_type":"bearer","expires_in","scope"}}, or RFC 6749 errors
 * ({@code invalid_client} with 401, {@code unsupported_grant_type} with 400).
 */
final class TokenEndpointHandler implements HttpHandler {
    static final String PATH = "/sap/bc/sec/oauth2/token";

    private final SapAuthenticator authenticator;
    private final ObjectMapper mapper;
    private final RequestLog requestLog;

    TokenEndpointHandler(SapAuthenticator authenticator, ObjectMapper mapper, RequestLog requestLog) {
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            QueryParams form = QueryParams.parse(new String(body, StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            // the secret stays out of the log
            requestLog.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    null, Map.of("grant_type", List.of(String.valueOf(form.get("grant_type")))),
                    Collections.unmodifiableMap(headers), "", Instant.now()));
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, error("invalid_request", "use POST"));
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                send(exchange, 400, error("unsupported_grant_type", "only client_credentials is supported"));
                return;
            }
            String token = authenticator.issue(exchange.getRequestHeaders().getFirst("Authorization"),
                    form.get("client_id"), form.get("client_secret"));
            if (token == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OAuth\"");
                send(exchange, 401, error("invalid_client", "Client authentication failed"));
                return;
            }
            ObjectNode answer = mapper.createObjectNode();
            answer.put("access_token", token);
            answer.put("token_type", "bearer");
            answer.put("expires_in", authenticator.tokenLifetimeSeconds());
            answer.put("scope", form.get("scope") == null ? "API_PURCHASEORDER_PROCESS_SRV_0001" : form.get("scope"));
            send(exchange, 200, answer);
        }
    }

    private ObjectNode error(String code, String description) {
        return mapper.createObjectNode().put("error", code).put("error_description", description);
    }

    private void send(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        byte[] body = mapper.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
