package dev.millwright.runtime.connection;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A connection's state as syncs, writes and health checks observe it (PRODUCT.md, "Connections"). */
public enum ConnectionStatus {
    ONLINE, OFFLINE, AUTH_REQUIRED, DISCONNECTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
