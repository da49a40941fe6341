package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The simulator's own endpoints under {@code /_sim/}, never authenticated, faulted or logged:
 * {@code GET /_sim/stats} (entity counts, requests, tokens issued, faults), {@code GET|POST /_sim/faults}
 * (see {@link SimulatorFaults}), {@code POST /_sim/revoke?name=N} and {@code POST /_sim/restore?name=N} (a user
 * or OAuth client), {@code POST /_sim/expire-tokens} and {@code POST /_sim/invalidate-csrf}.
 */
final class SimulatorControlHandler implements HttpHandler {
    static final String CONTEXT = "/_sim/";

    private final SapService service;
    private final SimulatorFaults faults;
    private final SapAuthenticator authenticator;
    private final CsrfSessions csrf;
    private final RequestLog requestLog;
    private final ObjectMapper mapper;

    SimulatorControlHandler(SapService service, SimulatorFaults faults, SapAuthenticator authenticator,
                            CsrfSessions csrf, RequestLog requestLog, ObjectMapper mapper) {
        this.service = service;
        this.faults = faults;
        this.authenticator = authenticator;
        this.csrf = csrf;
        this.requestLog = requestLog;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(CONTEXT.length());
            QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            switch (exchange.getRequestMethod() + " " + action) {
                case "GET stats" -> send(exchange, 200, stats());
                case "GET faults" -> send(exchange, 200, faults.toJson());
                case "POST faults" -> {
                    JsonNode settings = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
                    faults.apply(settings);
                    send(exchange, 200, faults.toJson());
                }
                case "POST revoke", "POST restore" -> {
                    String name = params.get("name");
                    if (name == null || name.isBlank()) {
                        send(exchange, 400, message("the name query parameter (user or client id) is required"));
                    } else {
                        if (action.equals("revoke")) {
                            authenticator.revoke(name);
                        } else {
                            authenticator.restore(name);
                        }
                        exchange.sendResponseHeaders(204, -1);
                    }
                }
                case "POST expire-tokens" -> {
                    authenticator.expireTokens();
                    exchange.sendResponseHeaders(204, -1);
                }
                case "POST invalidate-csrf" -> {
                    csrf.invalidate();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> send(exchange, 404, message("unknown simulator endpoint " + exchange.getRequestMethod()
                        + " /_sim/" + action));
            }
        } catch (RuntimeException e) {
            send(exchange, 400, message(String.valueOf(e.getMessage())));
        }
    }

    private ObjectNode stats() {
        ObjectNode stats = mapper.createObjectNode();
        stats.put("requestCount", requestLog.count());
        stats.put("tokensIssued", authenticator.tokensIssued());
        stats.put("csrfFetches", csrf.fetches());
        ObjectNode counts = stats.putObject("entitySets");
        for (Map.Entry<EntitySetDef, EntityStore> entry : service.stores().entrySet()) {
            counts.put(entry.getKey().toString(), entry.getValue().size());
        }
        stats.set("faults", faults.toJson());
        return stats;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] body = mapper.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
