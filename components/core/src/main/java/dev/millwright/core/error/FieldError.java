package dev.millwright.core.error;

/** One field at fault: the field (canonical or source name), what is wrong, and the source's own code if any. */
public record FieldError(String field, String message, String remoteCode) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    @Override
    public String toString() {
        return field + ": " + message + (remoteCode == null ? "" : " [" + remoteCode + "]");
    }
}
