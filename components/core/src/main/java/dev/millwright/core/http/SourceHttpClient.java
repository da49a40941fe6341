package dev.millwright.core.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.SourceUnavailableException;

/**
 * The one HTTP path to a source system: rate limit, connect/read timeouts, retries with exponential backoff on
 * network errors and on 429/502/503/504 (honouring {@code Retry-After}), then the system's {@link ErrorDecoder}
 * for any other error status. Requests that are not idempotent are retried only when the source said it did not
 * process them (429/503 answers), never after a network error that may have reached it. An optional
 * {@link ConcurrencyLimit} caps the requests of a connection on the wire at once.
 */
public final class SourceHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHttpClient.class);

    private final HttpClient http;
    private final HttpSettings settings;
    private final RateLimiter rateLimiter;
    private final ConcurrencyLimit concurrencyLimit;
    private final ErrorDecoder errorDecoder;
    private final Sleeper sleeper;
    private final Clock clock;

    public SourceHttpClient(HttpSettings settings, RateLimiter rateLimiter, ErrorDecoder errorDecoder) {
        this(settings, rateLimiter, ConcurrencyLimit.unlimited(), errorDecoder);
    }

    public SourceHttpClient(HttpSettings settings, RateLimiter rateLimiter, ConcurrencyLimit concurrencyLimit,
            ErrorDecoder errorDecoder) {
        this(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), settings, rateLimiter, concurrencyLimit, errorDecoder, Sleeper.SYSTEM, Clock.systemUTC());
    }

    public SourceHttpClient(HttpClient http, HttpSettings settings, RateLimiter rateLimiter,
            ErrorDecoder errorDecoder, Sleeper sleeper, Clock clock) {
        this(http, settings, rateLimiter, ConcurrencyLimit.unlimited(), errorDecoder, sleeper, clock);
    }

    public SourceHttpClient(HttpClient http, HttpSettings settings, RateLimiter rateLimiter,
            ConcurrencyLimit concurrencyLimit, ErrorDecoder errorDecoder, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.concurrencyLimit = concurrencyLimit;
        this.errorDecoder = errorDecoder;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the request and answers the 2xx/3xx response; any error status becomes a typed
     * {@link dev.millwright.core.error.ConnectorException}.
     *
     * @param idempotent whether the request may be repeated after a network error (GET, PUT, DELETE, or a write
     *                   carrying an idempotency key)
     */
    public SourceResponse send(HttpRequest.Builder request, boolean idempotent, ErrorContext context) {
        HttpRequest built = request.timeout(settings.readTimeout()).build();
        return sendAttempts(() -> built, idempotent, context);
    }

    /**
     * Like {@link #send(HttpRequest.Builder, boolean, ErrorContext)}, but builds the request anew for every attempt:
     * for requests signed with a timestamp and a nonce that must not be replayed, or carrying a token that may be
     * renewed between attempts.
     */
    public SourceResponse send(Supplier<HttpRequest.Builder> request, boolean idempotent, ErrorContext context) {
        return sendAttempts(() -> request.get().timeout(settings.readTimeout()).build(), idempotent, context);
    }

    private SourceResponse sendAttempts(Supplier<HttpRequest> requests, boolean idempotent, ErrorContext context) {
        int attempt = 0;
        while (true) {
            attempt++;
            // built before a permit is taken: building may itself send a request (a token renewal)
            HttpRequest built = requests.get();
            HttpResponse<byte[]> response;
            try {
                rateLimiter.acquire();
                concurrencyLimit.acquire();
                try {
                    response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                } finally {
                    concurrencyLimit.release();
                }
            } catch (IOException e) {
                if (!idempotent || attempt >= settings.maxAttempts()) {
                    throw new SourceUnavailableException(built.method() + " " + built.uri().getPath()
                            + " failed after " + attempt + " attempt(s): " + describe(e), context, e);
                }
                Duration wait = settings.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                LOG.debug("{} {} failed ({}), retry {} in {}", built.method(), built.uri().getPath(),
                        describe(e), attempt, wait);
                pause(wait, built, context);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted while calling the source", context, e);
            }

            SourceResponse answer = new SourceResponse(built.uri(), response.statusCode(), response.headers(),
                    response.body());
            int status = answer.status();
            if (status < 400) {
                return answer;
            }
            if (isRetryable(status)) {
                Optional<Duration> retryAfter = RetryAfter.parse(answer.header("Retry-After").orElse(null), clock);
                boolean waitable = retryAfter.map(d -> d.compareTo(settings.maxRetryAfter()) <= 0).orElse(true);
                if (attempt < settings.maxAttempts() && waitable) {
                    Duration wait = retryAfter.isPresent() ? retryAfter.get()
                            : settings.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                    LOG.debug("{} {} answered {}, retry {} in {}", built.method(), built.uri().getPath(), status,
                            attempt, wait);
                    pause(wait, built, context);
                    continue;
                }
                if (status == 429) {
                    throw new RateLimitedException("the source kept answering 429 Too Many Requests after "
                            + attempt + " attempt(s)", retryAfter.orElse(null), context);
                }
            }
            throw errorDecoder.decode(answer, context);
        }
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private void pause(Duration wait, HttpRequest request, ErrorContext context) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting to retry " + request.method() + " "
                    + request.uri().getPath(), context, e);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
