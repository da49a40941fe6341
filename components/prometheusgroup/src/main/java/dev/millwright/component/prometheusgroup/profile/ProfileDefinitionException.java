package dev.millwright.component.prometheusgroup.profile;

/**
 * A REST profile that cannot work, found when it is loaded (at endpoint start, never in the middle of a sync): the
 * message names the profile file, the line and the field, e.g.
 * {@code classpath:millwright/profiles/prometheusgroup.yaml:31: collections.work-orders.read.paging.style: unknown
 * paging style 'cursor'; valid styles: next_link, offset, continuation_token}.
 */
public class ProfileDefinitionException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final String field;

    public ProfileDefinitionException(String source, int line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public ProfileDefinitionException(String source, int line, String field, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ")
                + problem, cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** Where the profile was loaded from, e.g. {@code file:/etc/millwright/pg.yaml}. */
    public String source() {
        return source;
    }

    /** The line at fault (1-based), 0 when the file as a whole is. */
    public int line() {
        return line;
    }

    /** The field at fault as a dotted path, e.g. {@code collections.assets.read.records}; null for the file. */
    public String field() {
        return field;
    }
}
