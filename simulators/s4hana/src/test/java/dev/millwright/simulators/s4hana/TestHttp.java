package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the simulator's tests: one cookie jar, Basic or bearer credentials. */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String authorization;

    private TestHttp(String authorization) {
        this.authorization = authorization;
    }

    static TestHttp basic(String user, String password) {
        return new TestHttp("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static TestHttp bearer(String token) {
        return new TestHttp("Bearer " + token);
    }

    HttpResponse<String> get(String url, String... headers) {
        return send(request(url, headers).GET());
    }

    HttpResponse<String> send(String method, String url, String body, String... headers) {
        return send(request(url, headers).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Fetches a CSRF token with a GET of the service document, keeping the session cookie. */
    String csrfToken(String serviceUrl) {
        return get(serviceUrl + "/", "X-CSRF-Token", "Fetch").headers().firstValue("x-csrf-token").orElseThrow();
    }

    private HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replace(" ", "%20").replace("'", "%27")))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
