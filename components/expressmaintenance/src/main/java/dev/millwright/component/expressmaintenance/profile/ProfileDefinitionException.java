package dev.millwright.component.expressmaintenance.profile;

/**
 * A profile that cannot be used: names the profile file, the line and the field at fault, e.g.
 * {@code classpath:millwright/expressmaintenance/default-profile.yaml:41: collections.work-orders.fields.PRIORTY:
 * no column PRIORTY in WORK_ORDERS}.
 */
public class ProfileDefinitionException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public ProfileDefinitionException(String source, int line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public ProfileDefinitionException(String source, int line, String field, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : field + ": ") + problem, cause);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** The profile's location ({@code classpath:...} or {@code file:...}). */
    public String source() {
        return source;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The profile entry at fault ({@code collections.work-orders.update}), or null. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
