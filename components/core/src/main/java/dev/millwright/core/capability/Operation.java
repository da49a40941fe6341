package dev.millwright.core.capability;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What can be done with an entity at a source. */
public enum Operation {
    READ, CREATE, UPDATE, DELETE;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Operation fromName(String name) {
        for (Operation operation : values()) {
            if (operation.jsonName().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "' (read, create, update, delete)");
    }
}
