package dev.millwright.component.prometheusgroup.profile;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where an error answer holds the system's error code and message, and its list of field errors (each with the
 * field, a message and a code). Any pointer may be null when the system does not send that part.
 */
public record ErrorShape(JsonPointer code, JsonPointer message, JsonPointer fieldErrors, JsonPointer field,
        JsonPointer fieldMessage, JsonPointer fieldCode) {

    public static final ErrorShape NONE = new ErrorShape(null, null, null, null, null, null);
}
