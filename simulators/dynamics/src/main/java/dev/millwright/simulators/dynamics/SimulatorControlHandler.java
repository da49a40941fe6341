package dev.millwright.simulators.dynamics;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

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
 * The simulator's own endpoints under {@code /_sim/}, for the demo and benchmarks that run it standalone. They
 * need no token and are never faulted, limited or logged:
 * <ul>
 *   <li>{@code GET /_sim/stats}: tenant, environment, companies with their record counts, request and token
 *       counts, current faults;</li>
 *   <li>{@code GET /_sim/faults}, {@code POST /_sim/faults}: read or change the faults (see {@link SimulatorFaults});</li>
 *   <li>{@code POST /_sim/revoke?secret=S}, {@code POST /_sim/restore?secret=S}: revoke or restore a client
 *       secret at the token endpoint;</li>
 *   <li>{@code POST /_sim/revoke-tokens}: every token issued so far is refused by the API.</li>
 * </ul>
 */
final class SimulatorControlHandler implements HttpHandler {
    static final String CONTEXT = "/_sim/";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorControlHandler.class);

    private final BusinessCentralHandler.Settings settings;
    private final SimulatorFaults faults;
    private final TokenService tokens;
    private final RequestLog requestLog;
    private final ObjectMapper mapper;

    SimulatorControlHandler(BusinessCentralHandler.Settings settings, SimulatorFaults faults, TokenService tokens,
                            RequestLog requestLog, ObjectMapper mapper) {
        this.settings = settings;
        this.faults = faults;
        this.tokens = tokens;
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
                    JsonNode changes = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
                    faults.apply(changes);
                    sendJson(exchange, 200, faults.toJson());
                }
                case "POST revoke", "POST restore" -> {
                    String secret = params.get("secret");
                    if (secret == null || secret.isBlank()) {
                        sendJson(exchange, 400, message("the secret query parameter is required"));
                    } else {
                        if (action.equals("revoke")) {
                            tokens.revokeSecret(secret);
                        } else {
                            tokens.restoreSecret(secret);
                        }
                        BusinessCentralHandler.send(exchange, 204, null, null);
                    }
                }
                case "POST revoke-tokens" -> {
                    tokens.revokeIssuedTokens();
                    BusinessCentralHandler.send(exchange, 204, null, null);
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
        stats.put("tenantId", settings.tenantId());
        stats.put("environment", settings.environment());
        stats.put("requestCount", requestLog.count());
        stats.put("tokensIssued", tokens.issuedCount());
        ObjectNode companies = stats.putObject("companies");
        for (Map.Entry<UUID, CompanyData> entry : settings.companies().entrySet()) {
            ObjectNode company = companies.putObject(entry.getKey().toString());
            company.put("name", entry.getValue().name());
            ObjectNode counts = company.putObject("entitySets");
            for (EntitySchema schema : Schemas.ALL) {
                counts.put(schema.entitySet(), entry.getValue().count(schema));
            }
        }
        stats.set("faults", faults.toJson());
        return stats;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        BusinessCentralHandler.send(exchange, status, mapper.writeValueAsBytes(json), "application/json");
    }
}
