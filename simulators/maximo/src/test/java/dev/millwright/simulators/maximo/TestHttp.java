package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** Real HTTP calls to the simulator with the JDK client, as a Maximo client would make them. */
final class TestHttp {
    static final String API_KEY = "test-key";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestHttp() {
    }

    /** A response with its body as text and, on demand, as JSON. */
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
    }

    /** URL-encodes a query parameter value (spaces as '+', '+' as %2B). */
    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A GET with the test API key header. */
    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("apikey", API_KEY).GET());
    }

    /** A GET with exactly these headers (name, value, name, value...). */
    static Response getWith(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        addHeaders(request, headers);
        return send(request);
    }

    /** A POST of a JSON body with the API key and these extra headers. */
    static Response post(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("apikey", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        addHeaders(request, headers);
        return send(request);
    }

    /** A Maximo update: POST to the member with x-method-override: PATCH. */
    static Response patch(String memberUrl, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "x-method-override";
        all[1] = "PATCH";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(memberUrl, json, all);
    }

    static Response delete(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("apikey", API_KEY).DELETE();
        addHeaders(request, headers);
        return send(request);
    }

    /** The field names of a JSON object. */
    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void addHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
    }

    private static Response send(HttpRequest.Builder request) {
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
