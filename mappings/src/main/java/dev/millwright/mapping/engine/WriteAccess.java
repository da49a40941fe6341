package dev.millwright.mapping.engine;

import dev.millwright.mapping.WriteMode;

/** Which writes may set a field: {@code write: true} (default), {@code create} or {@code false}. */
enum WriteAccess {
    ALWAYS,
    CREATE_ONLY,
    NEVER;

    boolean allows(WriteMode mode) {
        return this == ALWAYS || this == CREATE_ONLY && mode == WriteMode.CREATE;
    }
}
