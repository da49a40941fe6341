package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.component.prometheusgroup.profile.ErrorShape;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.SourceResponse;

/**
 * Reads a system's error answers with the profile's {@link ErrorShape}: the code and message, and the field errors,
 * into typed errors that keep the system's own code. 401/403 need new credentials, 404 is not found, 409/412 a
 * version conflict, 400/422 with field errors a validation failure, 502/503/504 unavailable; anything else a remote
 * error with the raw body.
 */
final class ProfileErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final ErrorShape shape;

    ProfileErrorDecoder(String title, ErrorShape shape) {
        this.title = title;
        this.shape = shape;
    }

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        JsonNode body = null;
        try {
            body = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            // a proxy or gateway answered: keep the status and the raw body
        }
        String code = text(body, shape.code());
        String message = text(body, shape.message());
        List<FieldError> fieldErrors = fieldErrors(body);
        String described = (code == null ? "" : "[" + code + "] ")
                + (message != null ? message : "HTTP " + status + " from " + response.uri().getPath());
        return switch (status) {
            case 401, 403 -> new AuthenticationRequiredException(title + " rejected the credentials: " + described,
                    context);
            case 404 -> new NotFoundException(described, context);
            case 409, 412 -> new ConflictException(described, context);
            case 502, 503, 504 -> new SourceUnavailableException(title + " is unavailable: " + described, context,
                    null);
            default -> (status == 400 || status == 422) && !fieldErrors.isEmpty()
                    ? new ValidationFailedException(title + " refused the record: " + described, fieldErrors, context)
                    : new RemoteErrorException(status, code, message, response.bodyText(), context);
        };
    }

    private List<FieldError> fieldErrors(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || shape.fieldErrors() == null) {
            return errors;
        }
        JsonNode list = body.at(shape.fieldErrors());
        if (!list.isArray()) {
            return errors;
        }
        for (JsonNode item : list) {
            String field = text(item, shape.field());
            if (field != null) {
                String message = text(item, shape.fieldMessage());
                errors.add(new FieldError(field, message == null ? "invalid" : message, text(item, shape.fieldCode())));
            }
        }
        return errors;
    }

    private static String text(JsonNode node, JsonPointer pointer) {
        if (node == null || pointer == null) {
            return null;
        }
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
