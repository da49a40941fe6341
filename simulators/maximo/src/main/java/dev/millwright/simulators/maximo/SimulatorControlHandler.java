package dev.millwright.simulators.maximo;

import dev.millwright.simulators.common.SimulatorFaults;
import dev.millwright.simulators.common.RequestLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * The simulator's own endpoints under {@code /_sim/}, for the demo and benchmarks that run it standalone.
 * They need no authentication and are never faulted or logged:
 * <ul>
 *   <li>{@code GET /_sim/stats}: record counts per object structure, request count, current faults;</li>
 *   <li>{@code GET /_sim/faults}, {@code POST /_sim/faults}: read or change the faults (see {@link SimulatorFaults});</li>
 *   <li>{@code POST /_sim/revoke?apikey=K}, {@code POST /_sim/restore?apikey=K}: revoke or restore an API key.</li>
 * </ul>
 */
final class SimulatorControlHandler implements HttpHandler {
    static final String CONTEXT = "/_sim/";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorControlHandler.class);

    private final MaximoService service;
    private final SimulatorFaults faults;
    private final MaximoAuthenticator authenticator;
    private final RequestLog requestLog;
    private final ObjectMapper mapper;

    SimulatorControlHandler(MaximoService service, SimulatorFaults faults, MaximoAuthenticator authenticator,
                            RequestLog requestLog, ObjectMapper mapper) {
        this.service = service;
        this.faults = faults;
        this.authenticator = authenticator;
        this.requestLog = requestLog;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(CONTEXT.length());
            String method = exchange.getRequestMethod();
            QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            switch (method + " " + action) {
                case "GET stats" -> sendJson(exchange, 200, stats());
                case "GET faults" -> sendJson(exchange, 200, faults.toJson());
                case "POST faults" -> {
                    JsonNode settings = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
                    faults.apply(settings);
                    sendJson(exchange, 200, faults.toJson());
                }
                case "POST revoke", "POST restore" -> {
                    String apiKey = params.get("apikey");
                    if (apiKey == null || apiKey.isBlank()) {
                        sendJson(exchange, 400, message("the apikey query parameter is required"));
                    } else {
                        if (action.equals("revoke")) {
                            authenticator.revoke(apiKey);
                        } else {
                            authenticator.restore(apiKey);
                        }
                        MaximoApiHandler.send(exchange, 204, null);
                    }
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
        ObjectNode counts = stats.putObject("objectStructures");
        for (Map.Entry<ObjectStructure, MaximoStore> entry : service.stores().entrySet()) {
            counts.put(entry.getKey().name(), entry.getValue().size());
        }
        stats.set("faults", faults.toJson());
        return stats;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        MaximoApiHandler.send(exchange, status, mapper.writeValueAsBytes(json));
    }
}
