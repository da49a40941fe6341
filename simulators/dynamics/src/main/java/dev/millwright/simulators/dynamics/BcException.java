package dev.millwright.simulators.dynamics;

import java.util.Map;

/**
 * An error answer of the Business Central API: an HTTP status and the {@code {"error":{"code","message"}}} body,
 * plus any response headers it needs (Retry-After, WWW-Authenticate).
 */
final class BcException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    BcException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    BcException(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
