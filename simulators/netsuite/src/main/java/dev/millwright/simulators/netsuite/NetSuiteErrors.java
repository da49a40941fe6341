package dev.millwright.simulators.netsuite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * NetSuite's error answers: RFC 9457-like bodies {@code {"type", "title", "status", "o:errorDetails": [{"detail",
 * "o:errorCode", "o:errorPath"}]}} with the error codes the REST web services use.
 */
final class NetSuiteErrors {

    static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in"
            + " the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

    private NetSuiteErrors() {
    }

    static NetSuiteException invalidLogin() {
        return new NetSuiteException(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, null);
    }

    static NetSuiteException recordNotFound() {
        return new NetSuiteException(404, "NONEXISTENT_ID",
                "The record instance does not exist. Provide a valid record instance ID.", null);
    }

    static NetSuiteException unknownRecordType(String type) {
        return new NetSuiteException(404, "NONEXISTENT_ID", "Record type '" + type + "' does not exist.", null);
    }

    static NetSuiteException unknownPath(String path) {
        return new NetSuiteException(404, "INVALID_URL", "The requested URL " + path + " was not found on this"
                + " server.", null);
    }

    static NetSuiteException methodNotAllowed(String method) {
        return new NetSuiteException(405, "METHOD_NOT_ALLOWED", "The HTTP method " + method + " is not allowed"
                + " on this resource.", null);
    }

    static NetSuiteException badQuery(String reason) {
        return new NetSuiteException(400, "INVALID_PARAMETER", "Invalid search query. Detailed unprocessed"
                + " description follows. Search error occurred: " + reason, null);
    }

    static NetSuiteException badRecordQuery(String reason) {
        return new NetSuiteException(400, "INVALID_PARAMETER", "Invalid query parameter 'q'. " + reason, "q");
    }

    static NetSuiteException badParameter(String parameter, String reason) {
        return new NetSuiteException(400, "INVALID_PARAMETER", "Invalid value for the parameter '" + parameter
                + "'. " + reason, parameter);
    }

    static NetSuiteException missingTransientPreference() {
        return new NetSuiteException(400, "INVALID_HEADER", "SuiteQL queries need the header 'Prefer: transient'.",
                null);
    }

    static NetSuiteException invalidContent(String path, String reason) {
        return new NetSuiteException(400, "INVALID_CONTENT", "Invalid content in the request body. " + reason, path);
    }

    static NetSuiteException invalidReference(String path, String field, Object key) {
        return new NetSuiteException(400, "INVALID_KEY_OR_REF", "Invalid " + field + " reference key " + key + ".",
                path);
    }

    static NetSuiteException userError(String path, String detail) {
        return new NetSuiteException(400, "USER_ERROR", detail, path);
    }

    static NetSuiteException dependentRecords() {
        return new NetSuiteException(400, "THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS",
                "This record cannot be deleted because it has dependent records.", null);
    }

    static NetSuiteException concurrencyLimit() {
        return new NetSuiteException(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded."
                + " Request blocked.", null);
    }

    static NetSuiteException injected(int status) {
        return switch (status) {
            case 429 -> new NetSuiteException(429, "REQUEST_LIMIT_EXCEEDED", "Request limit exceeded. Request"
                    + " blocked.", null);
            case 401 -> invalidLogin();
            case 404 -> recordNotFound();
            default -> new NetSuiteException(status, status >= 500 ? "UNEXPECTED_ERROR" : "USER_ERROR",
                    "An unexpected error occurred. Error ID: sim" + Integer.toHexString(status * 7919), null);
        };
    }

    static NetSuiteException internal(Exception e) {
        return new NetSuiteException(500, "UNEXPECTED_ERROR", "An unexpected error occurred: "
                + e.getClass().getSimpleName(), null);
    }

    static byte[] body(JsonFactory json, NetSuiteException error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("type", type(error.status()));
            gen.writeStringField("title", title(error.status()));
            gen.writeNumberField("status", error.status());
            gen.writeArrayFieldStart("o:errorDetails");
            for (NetSuiteException.Detail detail : error.details()) {
                gen.writeStartObject();
                gen.writeStringField("detail", detail.detail());
                gen.writeStringField("o:errorCode", detail.errorCode());
                if (detail.errorPath() != null) {
                    gen.writeStringField("o:errorPath", detail.errorPath());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1";
            case 401 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2";
            case 403 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4";
            case 404 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5";
            case 405 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6";
            case 429 -> "https://www.rfc-editor.org/rfc/rfc6585.html#section-4";
            case 503 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.4";
            default -> status >= 500 ? "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1"
                    : "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
