package dev.millwright.core.error;

/** The source rejected the credentials (401/403, revoked key, expired token that cannot be refreshed). */
public class AuthenticationRequiredException extends ConnectorException {

    public static final String CODE = "AUTH_REQUIRED";

    public AuthenticationRequiredException(String detail, ErrorContext context) {
        super(detail, context, null);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public AuthenticationRequiredException withContext(ErrorContext outer) {
        return new AuthenticationRequiredException(detail(), context().orElse(outer));
    }
}
