package dev.millwright.mapping;

import java.util.List;

/** A canonical record or patch that cannot be written as source JSON, naming the fields at fault. */
public class WriteMappingException extends RuntimeException {

    /** Why the write was refused; callers turn these into API error codes. */
    public enum Reason {
        /** The canonical JSON names fields the canonical model does not have ({@code VALIDATION_FAILED}). */
        UNKNOWN_FIELD,
        /** An update names fields this system cannot write, or only on create ({@code FIELD_NOT_UPDATABLE}). */
        FIELD_NOT_UPDATABLE,
        /** A value has the wrong type or has no source form, e.g. no source code ({@code VALIDATION_FAILED}). */
        INVALID_VALUE
    }

    private final String system;
    private final String entity;
    private final Reason reason;
    private final List<String> fields;

    public WriteMappingException(String system, String entity, Reason reason, List<String> fields, String problem,
            Throwable cause) {
        super("Cannot write " + system + " " + entity + ": " + problem, cause);
        this.system = system;
        this.entity = entity;
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    public String system() {
        return system;
    }

    public String entity() {
        return entity;
    }

    public Reason reason() {
        return reason;
    }

    /** The canonical fields at fault, qualified for nested ones ({@code address.city}). */
    public List<String> fields() {
        return fields;
    }
}
