package dev.millwright.core.error;

import java.time.Duration;

/** The source keeps answering 429 (or 503 with Retry-After) after the retries the policy allows. */
public class RateLimitedException extends ConnectorException {

    public static final String CODE = "RATE_LIMITED";

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter, ErrorContext context) {
        super(detail, context, null);
        this.retryAfter = retryAfter;
    }

    /** How long the source asked us to wait, when it said so; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RateLimitedException withContext(ErrorContext outer) {
        return new RateLimitedException(detail(), retryAfter, context().orElse(outer));
    }
}
