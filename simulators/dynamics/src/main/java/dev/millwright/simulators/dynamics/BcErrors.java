package dev.millwright.simulators.dynamics;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The errors Business Central answers, with the codes of its documented error table ("Troubleshooting REST
 * API/OData calls"): {@code BadRequest_*} for malformed requests, {@code Application_*} for AL validation,
 * {@code Internal_*} for missing records and companies, {@code Request_EntityChanged} for a stale ETag,
 * {@code Authentication_InvalidCredentials} for a refused token. Messages end with a correlation id, as BC's do.
 */
final class BcErrors {
    static final String BAD_REQUEST = "BadRequest";
    static final String NOT_FOUND = "BadRequest_NotFound";
    static final String INVALID_OPERATION = "BadRequest_InvalidOperation";
    static final String INVALID_TOKEN = "BadRequest_InvalidToken";
    static final String METHOD_NOT_ALLOWED = "BadRequest_MethodNotAllowed";
    static final String ENTITY_CHANGED = "Request_EntityChanged";
    static final String RECORD_NOT_FOUND = "Internal_RecordNotFound";
    static final String COMPANY_NOT_FOUND = "Internal_CompanyNotFound";
    static final String SAME_KEY_EXISTS = "Internal_EntityWithSameKeyExists";
    static final String SERVER_ERROR = "Internal_ServerError";
    static final String SERVICE_UNAVAILABLE = "Internal_ServiceUnavailable";
    static final String DIALOG = "Application_DialogException";
    static final String FIELD_VALIDATION = "Application_FieldValidationException";
    static final String EVALUATE = "Application_EvaluateException";
    static final String STRING_TOO_LONG = "Application_StringExceededLength";
    static final String TOO_MANY_REQUESTS = "Application_TooManyRequests";
    static final String INVALID_CREDENTIALS = "Authentication_InvalidCredentials";

    private BcErrors() {
    }

    /** BC appends a correlation id to every message. */
    static String withCorrelation(String message) {
        return message + "  CorrelationId:  " + UUID.randomUUID() + ".";
    }

    static BcException badRequest(String message) {
        return new BcException(400, BAD_REQUEST, message);
    }

    static BcException segmentNotFound(String segment) {
        return new BcException(404, NOT_FOUND, "Resource not found for the segment '" + segment + "'.");
    }

    static BcException querySyntax(String problem) {
        return new BcException(400, BAD_REQUEST, "Bad Request - Error in query syntax. " + problem);
    }

    static BcException unknownProperty(String name, EntitySchema schema) {
        return new BcException(400, BAD_REQUEST, "Could not find a property named '" + name + "' on type 'Microsoft.NAV."
                + schema.entityType() + "'.");
    }

    static BcException unknownBodyProperty(String name, EntitySchema schema) {
        return new BcException(400, BAD_REQUEST, "The property '" + name + "' does not exist on type 'Microsoft.NAV."
                + schema.entityType() + "'. Make sure to only use property names that are defined by the type.");
    }

    static BcException readOnly(Property property) {
        return new BcException(400, INVALID_OPERATION, "Control '" + property.caption() + "' is read-only.");
    }

    static BcException invalidValue(Property property, String value) {
        return new BcException(400, BAD_REQUEST, "Cannot convert the literal '" + value + "' to the expected type '"
                + property.type().edmName() + "'.");
    }

    static BcException notAnOption(Property property, String value) {
        return new BcException(400, EVALUATE, "The value \"" + value + "\" can't be evaluated into type "
                + property.caption() + ".");
    }

    static BcException tooLong(Property property, String value) {
        return new BcException(400, STRING_TOO_LONG, "The length of the string is " + value.length()
                + ", but it must be less than or equal to " + property.maxLength() + " characters. Value: " + value);
    }

    static BcException recordNotFound(EntitySchema schema, UUID id) {
        return new BcException(404, RECORD_NOT_FOUND, "The " + schema.caption()
                + " does not exist. Identification fields and values: Id='{" + id.toString().toUpperCase() + "}'");
    }

    static BcException companyNotFound(String company) {
        return new BcException(404, COMPANY_NOT_FOUND, "Cannot process the request because the company '" + company
                + "' cannot be found.");
    }

    static BcException duplicateNumber(EntitySchema schema, String number) {
        return new BcException(409, SAME_KEY_EXISTS, "The " + schema.caption()
                + " already exists. Identification fields and values: No.='" + number + "'");
    }

    static BcException missingConcurrencyToken() {
        return new BcException(400, INVALID_TOKEN, "Could not validate the client concurrency token required by the"
                + " service. Please provide a valid token in the client request.");
    }

    static BcException entityChanged(int status) {
        return new BcException(status, ENTITY_CHANGED, "Another user has already changed the record.");
    }

    static BcException dialog(String message) {
        return new BcException(400, DIALOG, message);
    }

    static BcException fieldValidation(String message) {
        return new BcException(400, FIELD_VALIDATION, message);
    }

    static BcException methodNotAllowed(String method, String resource) {
        return new BcException(405, METHOD_NOT_ALLOWED, "The HTTP method '" + method + "' is not allowed on " + resource
                + ".");
    }

    static BcException notAuthenticated(String why) {
        return new BcException(401, INVALID_CREDENTIALS, "The server has rejected the client credentials. " + why,
                Map.of("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common/"
                        + "oauth2/authorize\", resource_id=\"https://api.businesscentral.dynamics.com\""));
    }

    static BcException tooManyRequests(long actual, long maximum, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new BcException(429, TOO_MANY_REQUESTS, "Too many requests reached.  Actual (" + actual
                + ").  Maximum (" + maximum + ").", Map.of("Retry-After", Long.toString(seconds)));
    }

    static BcException injected(int status, int retryAfterSeconds) {
        return switch (status) {
            case 429 -> new BcException(429, TOO_MANY_REQUESTS, "Too many requests reached.",
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
            case 503 -> new BcException(503, SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
            case 500 -> new BcException(500, SERVER_ERROR, "An unexpected error occurred on the server.");
            default -> new BcException(status, "Unknown", "The simulator failed this request on purpose.");
        };
    }

    static BcException internal(Exception cause) {
        return new BcException(500, SERVER_ERROR, "An unexpected error occurred on the server: " + cause);
    }
}
