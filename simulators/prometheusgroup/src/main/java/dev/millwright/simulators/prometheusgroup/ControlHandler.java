package dev.millwright.simulators.prometheusgroup;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * The simulator's own endpoints under {@code /_sim/}, for the demo and benchmarks that run it standalone; never
 * authenticated, faulted or logged:
 * <ul>
 *   <li>{@code GET /_sim/stats}: record counts per resource, paging styles, request and token counts, faults;</li>
 *   <li>{@code GET /_sim/faults}, {@code POST /_sim/faults}: read or change the faults (see {@link SimulatorFaults});</li>
 *   <li>{@code POST /_sim/revoke?apikey=K} or {@code ?client=ID}, {@code POST /_sim/restore?...}: revoke or restore
 *       an API key or an OAuth2 client;</li>
 *   <li>{@code POST /_sim/expire-tokens}: every issued access token stops working.</li>
 * </ul>
 */
final class ControlHandler implements HttpHandler {

    static final String CONTEXT = "/_sim/";
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    private final PlanningData data;
    private final SimulatorFaults faults;
    private final Authenticator authenticator;
    private final RequestLog requestLog;
    private final Map<String, PagingStyle> paging;
    private final ObjectMapper mapper;

    ControlHandler(PlanningData data, SimulatorFaults faults, Authenticator authenticator, RequestLog requestLog,
            Map<String, PagingStyle> paging, ObjectMapper mapper) {
        this.data = data;
        this.faults = faults;
        this.authenticator = authenticator;
        this.requestLog = requestLog;
        this.paging = paging;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(CONTEXT.length());
            Map<String, List<String>> params = Http.parameters(exchange.getRequestURI().getRawQuery());
            switch (exchange.getRequestMethod() + " " + action) {
                case "GET stats" -> sendJson(exchange, 200, stats());
                case "GET faults" -> sendJson(exchange, 200, faults.toJson());
                case "POST faults" -> {
                    JsonNode settings = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
                    faults.apply(settings);
                    sendJson(exchange, 200, faults.toJson());
                }
                case "POST revoke", "POST restore" -> credentials(exchange, action.equals("revoke"), params);
                case "POST expire-tokens" -> {
                    authenticator.expireTokens();
                    Http.send(exchange, 204, null);
                }
                default -> sendJson(exchange, 404, message("unknown simulator endpoint "
                        + exchange.getRequestMethod() + " /_sim/" + action));
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

    private void credentials(HttpExchange exchange, boolean revoke, Map<String, List<String>> params)
            throws IOException {
        String apiKey = Http.first(params, "apikey");
        String client = Http.first(params, "client");
        if ((apiKey == null || apiKey.isBlank()) && (client == null || client.isBlank())) {
            sendJson(exchange, 400, message("the apikey or client query parameter is required"));
            return;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            if (revoke) {
                authenticator.revokeApiKey(apiKey);
            } else {
                authenticator.restoreApiKey(apiKey);
            }
        }
        if (client != null && !client.isBlank()) {
            if (revoke) {
                authenticator.revokeClient(client);
            } else {
                authenticator.restoreClient(client);
            }
        }
        Http.send(exchange, 204, null);
    }

    private ObjectNode stats() {
        ObjectNode stats = mapper.createObjectNode();
        stats.put("requestCount", requestLog.count());
        stats.put("tokensIssued", authenticator.tokensIssued());
        ObjectNode counts = stats.putObject("resources");
        data.stores().forEach((name, store) -> counts.put(name, store.size()));
        ObjectNode styles = stats.putObject("paging");
        data.stores().keySet().forEach(name -> styles.put(name, name.equals(Schemas.JOBS.resource)
                ? PagingStyle.OFFSET.name() : paging.getOrDefault(name, PagingStyle.NEXT_LINK).name()));
        stats.set("faults", faults.toJson());
        return stats;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        Http.send(exchange, status, mapper.writeValueAsBytes(json));
    }
}
