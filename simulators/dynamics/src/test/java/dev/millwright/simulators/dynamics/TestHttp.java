package dev.millwright.simulators.dynamics;

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

/** Real HTTP calls to the simulator with the JDK client, as a Business Central client makes them. */
final class TestHttp {
    static final String CLIENT_ID = "0f3b6c52-7a1d-4e9b-8c2f-5d4a3b2c1e0f";
    static final String SECRET = "test-secret~value";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BusinessCentralSimulator simulator;
    private String token;

    TestHttp(BusinessCentralSimulator simulator) {
        this.simulator = simulator;
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

        /** The BC error code of an error answer. */
        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A token request with the form fields given as name, value, name, value... */
    Response tokenRequest(String... form) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(enc(form[i])).append('=').append(enc(form[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A fresh access token for the test app. */
    String newToken() {
        Response response = tokenRequest("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", SECRET, "scope", TokenService.SCOPE);
        if (response.status() != 200) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    private String token() {
        if (token == null) {
            token = newToken();
        }
        return token;
    }

    /** A path under the company, e.g. {@code /vendors?$top=1}. */
    String company(String path) {
        return simulator.companyUrl() + path;
    }

    Response get(String url, String... headers) {
        return send(authorized(url, headers).GET());
    }

    Response post(String url, String json, String... headers) {
        return send(authorized(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String url, String json, String... headers) {
        return send(authorized(url, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String url, String... headers) {
        return send(authorized(url, headers).DELETE());
    }

    /** A request with exactly these headers, no token added. */
    static Response getWithout(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpRequest.Builder authorized(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    static Response send(HttpRequest.Builder request) {
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
