package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * The simulator's own endpoints under {@code /_sim/} (no authentication, never faulted):
 * <ul>
 *   <li>{@code GET /_sim/stats}: record counts, request and token request counts, most concurrent requests, faults;</li>
 *   <li>{@code GET /_sim/faults}, {@code POST /_sim/faults} with {@link SimulatorFaults}' JSON form;</li>
 *   <li>{@code POST /_sim/revoke?id=X}, {@code POST /_sim/restore?id=X}: a certificate id or TBA token id;</li>
 *   <li>{@code POST /_sim/expire-tokens}: every OAuth 2.0 access token issued so far expires;</li>
 *   <li>{@code GET /_sim/audit}: the login audit trail (why requests were refused).</li>
 * </ul>
 */
final class SimulatorControlHandler implements HttpHandler {
    static final String CONTEXT = "/_sim/";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorControlHandler.class);

    private final AccountData data;
    private final SimulatorFaults faults;
    private final NetSuiteAuthenticator authenticator;
    private final RequestLog requestLog;
    private final NetSuiteApiHandler api;
    private final ObjectMapper mapper;

    SimulatorControlHandler(AccountData data, SimulatorFaults faults, NetSuiteAuthenticator authenticator,
                            RequestLog requestLog, NetSuiteApiHandler api, ObjectMapper mapper) {
        this.data = data;
        this.faults = faults;
        this.authenticator = authenticator;
        this.requestLog = requestLog;
        this.api = api;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(CONTEXT.length());
            String method = exchange.getRequestMethod();
            String id = null;
            for (String[] parameter : NetSuiteApiHandler.parseQuery(exchange.getRequestURI().getRawQuery())) {
                if (parameter[0].equals("id")) {
                    id = parameter[1];
                }
            }
            switch (method + " " + action) {
                case "GET stats" -> sendJson(exchange, 200, stats());
                case "GET faults" -> sendJson(exchange, 200, faults.toJson());
                case "POST faults" -> {
                    JsonNode settings = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
                    faults.apply(settings);
                    sendJson(exchange, 200, faults.toJson());
                }
                case "POST revoke", "POST restore" -> {
                    if (id == null || id.isBlank()) {
                        sendJson(exchange, 400, message("the id query parameter (certificate or token id) is required"));
                    } else {
                        if (action.equals("revoke")) {
                            authenticator.revoke(id);
                        } else {
                            authenticator.restore(id);
                        }
                        NetSuiteApiHandler.send(exchange, 204, null, null);
                    }
                }
                case "POST expire-tokens" -> {
                    authenticator.expireAccessTokens();
                    NetSuiteApiHandler.send(exchange, 204, null, null);
                }
                case "GET audit" -> {
                    ArrayNode trail = mapper.createArrayNode();
                    List<String> entries = authenticator.auditTrail();
                    entries.forEach(trail::add);
                    sendJson(exchange, 200, trail);
                }
                default -> sendJson(exchange, 404, message("unknown simulator endpoint " + method + " /_sim/" + action));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Simulator control request failed", e);
            try {
                sendJson(exchange, 400, message(e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the response had already started
            }
        } finally {
            exchange.close();
        }
    }

    private ObjectNode stats() {
        ObjectNode stats = mapper.createObjectNode();
        stats.put("requestCount", requestLog.count());
        stats.put("tokenRequests", authenticator.tokenRequests());
        stats.put("liveAccessTokens", authenticator.liveAccessTokens());
        stats.put("mostConcurrentRequests", api.mostInFlight());
        ObjectNode counts = stats.putObject("records");
        data.read(() -> {
            data.stores().forEach(store -> counts.put(store.type.name, store.size()));
            return null;
        });
        stats.set("faults", faults.toJson());
        return stats;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] body = mapper.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().close();
    }
}
