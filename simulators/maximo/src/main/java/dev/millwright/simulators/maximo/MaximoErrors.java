package dev.millwright.simulators.maximo;

import dev.millwright.simulators.common.SimulatorFaults;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The errors the simulator answers with and their wire shape:
 * {@code {"Error":{"reasonCode":..,"message":"BMXAA.... - text","statusCode":"404","extendedError":{"moreInfo":{"href":..}}}}}
 * with {@code statusCode} a string, as Maximo sends it. Reason codes BMXAA7901E, BMXAA8727E, BMXAA4129E and
 * BMXAA8229W are Maximo's; the others are plausible stand-ins (see each factory).
 */
final class MaximoErrors {
    private MaximoErrors() {
    }

    static MaximoException notAuthenticated() {
        return new MaximoException(401, "BMXAA7901E",
                "You cannot log in at this time. Contact the system administrator.");
    }

    static MaximoException unknownObjectStructure(String name) {
        return new MaximoException(404, "BMXAA8723E",
                "The object structure " + name + " was not found as it does not exist in the system.");
    }

    static MaximoException unknownResource(String path) {
        return new MaximoException(404, "BMXAA8723E", "The resource " + path + " was not found.");
    }

    static MaximoException recordNotFound(ObjectStructure structure, String restId) {
        return new MaximoException(404, "BMXAA8727E", "The OSLC resource " + structure.hrefName() + " with the ID "
                + restId + " was not found as it does not exist in the system. In the database, verify whether"
                + " the resource for the ID exists.");
    }

    static MaximoException unknownAttribute(ObjectStructure structure, String attribute) {
        return new MaximoException(400, "BMXAA8725E", "The attribute " + attribute
                + " does not exist in the object structure " + structure.name() + ".");
    }

    static MaximoException invalidQuery(String parameter, String problem) {
        return new MaximoException(400, "BMXAA9999E", "The " + parameter + " query parameter is not valid: "
                + problem);
    }

    static MaximoException duplicateKey(ObjectStructure structure, RecordDraft draft) {
        String keys = structure.keyAttributes().stream()
                .map(a -> a.name().toUpperCase() + "=" + a.read(draft.row))
                .collect(Collectors.joining(", "));
        return new MaximoException(400, "BMXAA4129E", "Record already exists for " + keys
                + ". Ensure that the key value for the given record is unique.");
    }

    static MaximoException required(ObjectStructure structure, Attribute attribute) {
        return new MaximoException(400, "BMXAA4195E", "A value is required for the " + attribute.name().toUpperCase()
                + " field on the " + structure.mainObject() + " object.");
    }

    static MaximoException notInDomain(Attribute attribute, String value) {
        return new MaximoException(400, "BMXAA4190E", value + " is not a valid value for "
                + attribute.name().toUpperCase() + ". Specify a value that exists in the " + attribute.domain().name()
                + " domain.");
    }

    static MaximoException invalidValue(Attribute attribute, Object value, String expected) {
        return new MaximoException(400, "BMXAA4144E", "The value " + value + " is not valid for "
                + attribute.name().toUpperCase() + ": " + expected + " expected.");
    }

    static MaximoException readOnly(ObjectStructure structure, Attribute attribute) {
        return new MaximoException(400, "BMXAA4021E", "The " + attribute.name().toUpperCase() + " field on the "
                + structure.mainObject() + " object is read-only and cannot be changed.");
    }

    static MaximoException stale(ObjectStructure structure, MaximoRecord record) {
        String keys = structure.keyAttributes().stream()
                .map(a -> capitalize(a.name()) + "=" + a.read(record.row))
                .collect(Collectors.joining(" "));
        return new MaximoException(412, "BMXAA8229W", "Record " + structure.mainObject() + " : " + keys
                + " has been updated by another user. Your changes have not been saved. Refresh the record and"
                + " try again.");
    }

    static MaximoException invalidBody(String problem) {
        return new MaximoException(400, "BMXAA9998E", "The request body is not valid JSON: " + problem);
    }

    static MaximoException methodNotAllowed(String method, String what) {
        return new MaximoException(405, "BMXAA8730E", "The HTTP method " + method + " is not supported for " + what
                + ".");
    }

    static MaximoException stablePageExpired() {
        return new MaximoException(410, "BMXAA9548E",
                "The stable paging set has expired. Run the query again from the first page.");
    }

    static MaximoException internal(Throwable cause) {
        return new MaximoException(500, "BMXAA6713E", "An unexpected error occurred in the simulator: " + cause);
    }

    /** For failures injected by {@link SimulatorFaults}: a recognisable code that no real check produces. */
    static MaximoException injected(int status) {
        return new MaximoException(status, "BMXAA9999E",
                "Simulated failure (HTTP " + status + ") injected by the Maximo simulator.");
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Renders the error body.
     *
     * @param contextRoot the absolute context root ending in '/', e.g. {@code http://127.0.0.1:8089/maximo/}
     */
    static byte[] body(JsonFactory json, MaximoException error, String contextRoot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeObjectFieldStart("Error");
            gen.writeStringField("reasonCode", error.reasonCode());
            gen.writeStringField("message", error.getMessage());
            gen.writeStringField("statusCode", Integer.toString(error.status()));
            gen.writeObjectFieldStart("extendedError");
            gen.writeObjectFieldStart("moreInfo");
            gen.writeStringField("href", contextRoot + "oslc/error/messages/" + error.reasonCode());
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
