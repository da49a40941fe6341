package dev.millwright.mapping.engine;

import dev.millwright.mapping.WriteMappingException;

/**
 * A canonical value that cannot be written as source JSON; {@link CompiledMapping} turns it into a
 * {@link WriteMappingException}.
 */
final class WriteFailure extends RuntimeException {

    final String field;
    final WriteMappingException.Reason reason;

    WriteFailure(String field, WriteMappingException.Reason reason, String problem, Throwable cause) {
        super(problem, cause, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** The same failure, one level further out ({@code city} → {@code address.city}). */
    WriteFailure within(String prefix) {
        return new WriteFailure(prefix + field, reason, getMessage(), getCause());
    }
}
