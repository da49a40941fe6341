package dev.millwright.core.connection;

import java.util.Map;
import java.util.Objects;

/**
 * A registered connection to one source system: its id, the system's scheme (e.g. {@code maximo}) and the
 * component options that apply to every endpoint naming it, by the component's own option names (e.g.
 * {@code baseUrl}, {@code apiKey}). Secret options are held here in clear only in memory.
 */
public record ConnectionSettings(String id, String system, Map<String, String> options) {

    public ConnectionSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        options = Map.copyOf(options);
    }

    @Override
    public String toString() {
        // options may hold credentials: never print them
        return "ConnectionSettings[id=" + id + ", system=" + system + ", options=" + options.keySet() + "]";
    }
}
