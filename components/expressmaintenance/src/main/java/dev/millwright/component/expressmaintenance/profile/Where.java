package dev.millwright.component.expressmaintenance.profile;

/** Where an entry of a profile is: its qualified name and line, so that every error can point at it. */
public record Where(String source, String field, int line) {

    public ProfileDefinitionException error(String problem) {
        return new ProfileDefinitionException(source, line, field, problem);
    }

    public ProfileDefinitionException error(String problem, Throwable cause) {
        return new ProfileDefinitionException(source, line, field, problem, cause);
    }

    Where child(String name, int childLine) {
        return new Where(source, field == null || field.isEmpty() ? name : field + "." + name, childLine);
    }
}
