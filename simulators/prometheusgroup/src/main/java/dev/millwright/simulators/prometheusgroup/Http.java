package dev.millwright.simulators.prometheusgroup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/** What the API handlers share: query parsing, request logging, fault injection and sending answers. */
final class Http {

    static final String JSON = "application/json;charset=UTF-8";

    private Http() {
    }

    /** Decoded query (or form) parameters in the order sent. */
    static Map<String, List<String>> parameters(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first values only, for forms. */
    static Map<String, String> firstValues(Map<String, List<String>> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, list) -> values.put(name, list.get(0)));
        return values;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed percent-encoding in '" + text + "'");
        }
    }

    static void record(RequestLog log, HttpExchange exchange, Map<String, List<String>> params, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        log.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(params),
                Collections.unmodifiableMap(headers), new String(body, StandardCharsets.UTF_8), Instant.now()));
    }

    /** Waits the configured latency, then throws the failure the faults ask for, if any. */
    static void injectFaults(SimulatorFaults faults) {
        long delay = faults.nextDelayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SimulatorFaults.Injected failure = faults.nextFailure();
        if (failure != null) {
            throw ApiError.injected(failure.status(), failure.retryAfterSeconds());
        }
    }

    static String authority(HttpExchange exchange, String fallback) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? fallback : host;
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
