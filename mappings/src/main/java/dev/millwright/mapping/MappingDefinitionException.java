package dev.millwright.mapping;

/** A mapping file that cannot be compiled; names the file, the line and the field at fault. */
public class MappingDefinitionException extends RuntimeException {

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param source the file ({@code classpath:mappings/maximo/work-orders.yaml} or a file system path)
     * @param line 1-based line, 0 when unknown
     * @param field the field being defined ({@code fields.status}, {@code enums.po_status.HOLD}), or null
     * @param problem what is wrong
     */
    public MappingDefinitionException(String source, int line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public MappingDefinitionException(String source, int line, String field, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : field + ": ") + problem, cause);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
