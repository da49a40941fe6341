package dev.millwright.core.error;

/**
 * The source answered with an error of its own. Carries the HTTP status and the system's own error code and
 * message (e.g. Maximo's {@code BMXAA8727E}), and the raw error body for diagnosis.
 */
public class RemoteErrorException extends ConnectorException {

    public static final String CODE = "REMOTE_ERROR";

    private final int httpStatus;
    private final String remoteCode;
    private final String remoteMessage;
    private final String rawBody;

    public RemoteErrorException(int httpStatus, String remoteCode, String remoteMessage, String rawBody,
            ErrorContext context) {
        super(describe(httpStatus, remoteCode, remoteMessage), context, null);
        this.httpStatus = httpStatus;
        this.remoteCode = remoteCode;
        this.remoteMessage = remoteMessage;
        this.rawBody = rawBody;
    }

    /**
     * An error of a source not spoken to over HTTP (a database): its own code (e.g. an SQLState) and message;
     * {@link #httpStatus()} is 0.
     */
    public RemoteErrorException(String remoteCode, String remoteMessage, ErrorContext context) {
        this(0, remoteCode, remoteMessage, null, context);
    }

    private static String describe(int status, String code, String message) {
        StringBuilder text = new StringBuilder("source answered");
        if (status > 0) {
            text.append(" HTTP ").append(status);
        }
        if (code != null) {
            text.append(" [").append(code).append(']');
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String remoteCode() {
        return remoteCode;
    }

    public String remoteMessage() {
        return remoteMessage;
    }

    public String rawBody() {
        return rawBody;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RemoteErrorException withContext(ErrorContext outer) {
        return new RemoteErrorException(httpStatus, remoteCode, remoteMessage, rawBody, context().orElse(outer));
    }
}
