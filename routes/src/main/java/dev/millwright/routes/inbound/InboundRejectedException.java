package dev.millwright.routes.inbound;

/** An inbound webhook refused before anything was stored, with a stable code and the HTTP status to answer. */
public final class InboundRejectedException extends RuntimeException {

    /** A signature that does not match, or no such (live) connection: one answer, so ids cannot be probed. */
    public static final String SIGNATURE_INVALID = "WEBHOOK_SIGNATURE_INVALID";
    /** webhook-id, webhook-timestamp or webhook-signature missing, or webhook-id too long. */
    public static final String HEADERS_INVALID = "WEBHOOK_HEADERS_INVALID";
    public static final String TIMESTAMP_OUT_OF_TOLERANCE = "WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private final int status;
    private final String code;

    public InboundRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
