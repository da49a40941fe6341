package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The errors the simulator raises, with SAP Gateway's message codes where SAP documents them
 * ({@code /IWBEP/CM_MGW_RT/...}) and SAP-style message-class codes ({@code 00/055}) for business checks, and
 * the JSON body {@code {"error":{"code","message":{"lang","value"},"innererror":{"transactionid","errordetails"}}}}.
 */
final class SapErrors {

    private SapErrors() {
    }

    static SapException notFound(String segment) {
        return new SapException(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment '" + segment + "'");
    }

    static SapException entityNotFound(EntitySetDef set, String predicate) {
        return new SapException(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment '" + set.typeName
                + "'; no " + set.name + " with key " + predicate);
    }

    static SapException unknownService(String service) {
        return new SapException(404, "/IWFND/MED/170", "No service found for namespace '', name '" + service
                + "', version '0001'");
    }

    static SapException badKey(EntitySetDef set, String text) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/003", "Invalid key predicate (" + text + ") for "
                + set.name + "; expected " + String.join(", ", set.keys));
    }

    static SapException badFilter(String filter, String why) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/001", "Invalid filter expression '" + filter + "': " + why);
    }

    static SapException badQuery(String why) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/001", why);
    }

    static SapException unknownProperty(EntitySetDef set, String property) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/022", "Property '" + property + "' is invalid",
                List.of(new SapException.Detail("/IWBEP/CM_MGW_RT/022", "Property '" + property
                        + "' does not exist in type '" + set.qualifiedType() + "'", property, "error")),
                Map.of(), false);
    }

    static SapException invalidValue(String property, String edmType, String why) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/105", "Invalid value for property '" + property + "' ("
                + edmType + "): " + why, List.of(new SapException.Detail("/IWBEP/CM_MGW_RT/105", "Invalid value for "
                + edmType + ": " + why, property, "error")), Map.of(), false);
    }

    static SapException readOnly(String property) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/107", "Property '" + property + "' is read only",
                List.of(new SapException.Detail("/IWBEP/CM_MGW_RT/107", "Property '" + property
                        + "' cannot be changed", property, "error")), Map.of(), false);
    }

    static SapException required(List<String> properties) {
        List<SapException.Detail> details = properties.stream().map(p -> new SapException.Detail("00/055",
                "Make an entry in all required fields: " + p, p, "error")).toList();
        return new SapException(400, "00/055", "Make an entry in all required fields", details, Map.of(), false);
    }

    static SapException business(String code, String message, String property) {
        return new SapException(400, code, message, property == null ? List.of()
                : List.of(new SapException.Detail(code, message, property, "error")), Map.of(), false);
    }

    static SapException duplicate(EntitySetDef set, String predicate) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/104", set.name + " with key " + predicate + " already exists");
    }

    static SapException invalidBody(String why) {
        return new SapException(400, "/IWBEP/CM_MGW_RT/040", "Malformed request body: " + why);
    }

    static SapException notImplemented(EntitySetDef set, String method) {
        String operation = switch (method) {
            case "POST" -> "CREATE_ENTITY";
            case "DELETE" -> "DELETE_ENTITY";
            default -> "UPDATE_ENTITY";
        };
        return new SapException(501, "/IWBEP/CM_MGW_RT/021", "Method '" + set.name.toUpperCase() + "_" + operation
                + "' not implemented in data provider class");
    }

    static SapException methodNotAllowed(String method, String what) {
        return new SapException(405, "/IWBEP/CM_MGW_RT/016", "Method " + method + " is not allowed on " + what);
    }

    static SapException preconditionRequired() {
        return new SapException(428, "/IWBEP/CM_MGW_RT/106", "Precondition required: the request must carry an"
                + " If-Match header with the entity's ETag");
    }

    static SapException preconditionFailed(String etag) {
        return new SapException(412, "/IWBEP/CM_MGW_RT/103", "Precondition failed: the entity was changed"
                + " meanwhile; its current ETag is " + etag);
    }

    static SapException notAcceptable() {
        return new SapException(406, "/IWBEP/CM_MGW_RT/015", "The simulator answers JSON only; ask with $format=json"
                + " or Accept: application/json");
    }

    static SapException logonFailed() {
        return new SapException(401, "LOGON_FAILED", "Logon failed", List.of(),
                Map.of("WWW-Authenticate", "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\""), true);
    }

    static SapException csrfRequired() {
        return new SapException(403, "CSRF_REQUIRED", "CSRF token validation failed", List.of(),
                Map.of("x-csrf-token", "Required"), true);
    }

    static SapException injected(int status) {
        return switch (status) {
            case 429 -> new SapException(429, "/IWFND/CM_CONSUMER/429", "Too many requests; retry later");
            case 503 -> new SapException(503, "/IWFND/CM_BEC/076", "Service unavailable: the backend system is"
                    + " not reachable");
            default -> new SapException(status, "/IWFND/CM_BEC/026", "Error while processing the request in the"
                    + " backend system (HTTP " + status + ")");
        };
    }

    static SapException internal(Exception e) {
        return new SapException(500, "/IWBEP/CM_MGW_RT/000", "Internal error: " + e);
    }

    static byte[] body(JsonFactory factory, SapException error) {
        if (error.plainText) {
            return error.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("code", error.code);
            json.writeObjectFieldStart("message");
            json.writeStringField("lang", "en");
            json.writeStringField("value", error.getMessage());
            json.writeEndObject();
            json.writeObjectFieldStart("innererror");
            json.writeObjectFieldStart("application");
            json.writeStringField("component_id", "");
            json.writeStringField("service_namespace", "/SAP/");
            json.writeEndObject();
            json.writeStringField("transactionid", UUID.randomUUID().toString().replace("-", "").toUpperCase());
            json.writeArrayFieldStart("errordetails");
            for (SapException.Detail detail : error.details) {
                json.writeStartObject();
                json.writeStringField("code", detail.code());
                json.writeStringField("message", detail.message());
                json.writeStringField("propertyref", detail.propertyref() == null ? "" : detail.propertyref());
                json.writeStringField("severity", detail.severity());
                json.writeStringField("target", detail.propertyref() == null ? "" : detail.propertyref());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
