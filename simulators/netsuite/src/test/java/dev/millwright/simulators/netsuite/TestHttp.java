package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP calls to the simulator with the JDK client, as a NetSuite client makes them. */
final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestHttp() {
    }

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The first error detail's code. */
        String errorCode() {
            return json().path("o:errorDetails").path(0).path("o:errorCode").asText(null);
        }

        String errorPath() {
            return json().path("o:errorDetails").path(0).path("o:errorPath").asText(null);
        }

        String errorDetail() {
            return json().path("o:errorDetails").path(0).path("detail").asText(null);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Response get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static Response post(String url, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    static Response patch(String url, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    static Response delete(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    static Response form(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A SuiteQL query with {@code Prefer: transient}. */
    static Response suiteQl(NetSuiteSimulator netsuite, String query, int limit, int offset, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Prefer";
        all[1] = "transient";
        System.arraycopy(headers, 0, all, 2, headers.length);
        String body = MAPPER.createObjectNode().put("q", query).toString();
        return post(netsuite.baseUrl() + "/services/rest/query/v1/suiteql?limit=" + limit + "&offset=" + offset,
                body, all);
    }

    static String recordUrl(NetSuiteSimulator netsuite, String type) {
        return netsuite.baseUrl() + "/services/rest/record/v1/" + type;
    }

    private static Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
