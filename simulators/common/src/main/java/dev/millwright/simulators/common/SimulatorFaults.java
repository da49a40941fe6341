package dev.millwright.simulators.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Random;

/**
 * Faults a simulator injects into its API paths (never into {@code /_sim}): latency, random 503s,
 * a number of failing or rate-limited requests, and truncated collection pages. Thread-safe; every setter
 * returns this for chaining. Random choices (jitter, the 503 draw) come from a Random seeded with the
 * simulator's seed, so that a single-threaded test sees the same faults on every run.
 *
 * <p>Over HTTP, {@code POST /_sim/faults} takes the same settings as JSON, all optional:
 * <pre>{@code
 * {"latencyMillis": 200, "jitterMillis": 50, "serverErrorRate": 0.1,
 *  "failNextRequests": {"count": 2, "status": 500},
 *  "rateLimitNextRequests": {"count": 1, "retryAfterSeconds": 3},
 *  "malformNextPages": 1, "reset": true}
 * }</pre>
 * {@code reset} is applied first, the other settings after it.
 */
public final class SimulatorFaults {

    /** A failure to answer with instead of serving the request. */
    public record Injected(int status, int retryAfterSeconds) {
    }

    private final long seed;
    private Random random;
    private int latencyMillis;
    private int jitterMillis;
    private double serverErrorRate;
    private int failNextCount;
    private int failNextStatus;
    private int rateLimitCount;
    private int retryAfterSeconds;
    private int malformedPages;

    public SimulatorFaults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A fixed delay before every API request is answered. */
    public synchronized SimulatorFaults latencyMillis(int millis) {
        this.latencyMillis = requireNonNegative(millis, "latencyMillis");
        return this;
    }

    /** A further random delay of 0 to {@code millis} added to the latency. */
    public synchronized SimulatorFaults jitterMillis(int millis) {
        this.jitterMillis = requireNonNegative(millis, "jitterMillis");
        return this;
    }

    /** The fraction (0 to 1) of API requests answered 503 with the system's error body. */
    public synchronized SimulatorFaults serverErrorRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("serverErrorRate must be within 0 and 1: " + rate);
        }
        this.serverErrorRate = rate;
        return this;
    }

    /** The next {@code count} API requests fail with {@code status} and a Maximo error body. */
    public synchronized SimulatorFaults failNextRequests(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status: " + status);
        }
        this.failNextCount = requireNonNegative(count, "count");
        this.failNextStatus = status;
        return this;
    }

    /** The next {@code count} API requests get 429 with a {@code Retry-After} header. */
    public synchronized SimulatorFaults rateLimitNextRequests(int count, int retryAfterSeconds) {
        this.rateLimitCount = requireNonNegative(count, "count");
        this.retryAfterSeconds = requireNonNegative(retryAfterSeconds, "retryAfterSeconds");
        return this;
    }

    /** The next {@code count} collection pages are cut off in the middle: status 200 and invalid JSON. */
    public synchronized SimulatorFaults malformNextPages(int count) {
        this.malformedPages = requireNonNegative(count, "count");
        return this;
    }

    /** Clears every fault and restarts the random sequence from the seed. */
    public synchronized SimulatorFaults reset() {
        latencyMillis = 0;
        jitterMillis = 0;
        serverErrorRate = 0;
        failNextCount = 0;
        failNextStatus = 0;
        rateLimitCount = 0;
        retryAfterSeconds = 0;
        malformedPages = 0;
        random = new Random(seed);
        return this;
    }

    public synchronized int latencyMillis() {
        return latencyMillis;
    }

    public synchronized int jitterMillis() {
        return jitterMillis;
    }

    public synchronized double serverErrorRate() {
        return serverErrorRate;
    }

    /** How many of the requests set by {@link #failNextRequests} are still to fail. */
    public synchronized int pendingFailures() {
        return failNextCount;
    }

    /** How many of the requests set by {@link #rateLimitNextRequests} are still to be refused. */
    public synchronized int pendingRateLimits() {
        return rateLimitCount;
    }

    /** How many of the pages set by {@link #malformNextPages} are still to be cut off. */
    public synchronized int pendingMalformedPages() {
        return malformedPages;
    }

    // ---- used by the simulators' request handlers ----

    public synchronized long nextDelayMillis() {
        return latencyMillis + (jitterMillis > 0 ? random.nextInt(jitterMillis + 1) : 0);
    }

    /** The failure the next request gets, or null; counted faults are used up in the order listed. */
    public synchronized Injected nextFailure() {
        if (failNextCount > 0) {
            failNextCount--;
            return new Injected(failNextStatus, 0);
        }
        if (rateLimitCount > 0) {
            rateLimitCount--;
            return new Injected(429, retryAfterSeconds);
        }
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            return new Injected(503, 0);
        }
        return null;
    }

    public synchronized boolean takeMalformedPage() {
        if (malformedPages > 0) {
            malformedPages--;
            return true;
        }
        return false;
    }

    // ---- JSON form for /_sim/faults ----

    public synchronized void apply(JsonNode settings) {
        if (settings.path("reset").asBoolean(false)) {
            reset();
        }
        if (settings.has("latencyMillis")) {
            latencyMillis(settings.get("latencyMillis").asInt());
        }
        if (settings.has("jitterMillis")) {
            jitterMillis(settings.get("jitterMillis").asInt());
        }
        if (settings.has("serverErrorRate")) {
            serverErrorRate(settings.get("serverErrorRate").asDouble());
        }
        JsonNode fail = settings.get("failNextRequests");
        if (fail != null) {
            failNextRequests(fail.path("count").asInt(fail.asInt()), fail.path("status").asInt(500));
        }
        JsonNode rateLimit = settings.get("rateLimitNextRequests");
        if (rateLimit != null) {
            rateLimitNextRequests(rateLimit.path("count").asInt(rateLimit.asInt()),
                    rateLimit.path("retryAfterSeconds").asInt(1));
        }
        if (settings.has("malformNextPages")) {
            malformNextPages(settings.get("malformNextPages").asInt());
        }
    }

    public synchronized ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("latencyMillis", latencyMillis);
        node.put("jitterMillis", jitterMillis);
        node.put("serverErrorRate", serverErrorRate);
        node.putObject("failNextRequests").put("count", failNextCount).put("status", failNextStatus);
        node.putObject("rateLimitNextRequests").put("count", rateLimitCount)
                .put("retryAfterSeconds", retryAfterSeconds);
        node.put("malformNextPages", malformedPages);
        return node;
    }

    private static int requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
