package dev.millwright.routes.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts signed webhook requests: HTTP/1.1, redirects never followed (a redirect could lead inside the network), the
 * whole exchange bounded by the timeout, the answer's body discarded unread.
 */
public final class WebhookSender {

    static final String USER_AGENT = "Millwright-Webhooks/1";

    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What came back: the status code (0 when no answer came), the {@code Retry-After} value, or the error. */
    public record Answer(int statusCode, String retryAfter, long latencyMillis, String error) {

        public boolean success() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    public Answer post(URI url, Map<String, String> headers, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        // the whole exchange, body included, is bounded: a receiver trickling its answer cannot hold a dispatcher
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    millisSince(started), response.statusCode() / 100 == 2 ? null : "the receiver answered "
                    + response.statusCode());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Answer(0, null, millisSince(started), "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String error = cause instanceof HttpConnectTimeoutException ? "no connection within "
                    + timeout.toMillis() + " ms"
                    : cause instanceof HttpTimeoutException ? "no answer within " + timeout.toMillis() + " ms"
                    : "cannot reach the receiver: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
            return new Answer(0, null, millisSince(started), error);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
