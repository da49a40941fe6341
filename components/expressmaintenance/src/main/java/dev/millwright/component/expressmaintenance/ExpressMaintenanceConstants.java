package dev.millwright.component.expressmaintenance;

import org.apache.camel.spi.Metadata;

import dev.millwright.core.component.SourceHeaders;

/** The message headers of the {@code expressmaintenance} component. */
public final class ExpressMaintenanceConstants {

    @Metadata(description = "The producer operation, overriding the operation option",
              javaType = "dev.millwright.core.component.SourceOperation")
    public static final String OPERATION = SourceHeaders.OPERATION;
    @Metadata(description = "The connection id (set on every message)", javaType = "String")
    public static final String CONNECTION_ID = SourceHeaders.CONNECTION_ID;
    @Metadata(description = "The system scheme, expressmaintenance (set on every message)", javaType = "String")
    public static final String SYSTEM = SourceHeaders.SYSTEM;
    @Metadata(description = "The canonical entity of the collection, e.g. work_order", javaType = "String")
    public static final String ENTITY = SourceHeaders.ENTITY;
    @Metadata(description = "The record's id: its key column values, several joined with | (input of get, update,"
            + " delete; output of create and of the consumer)", javaType = "String")
    public static final String REMOTE_ID = SourceHeaders.REMOTE_ID;
    @Metadata(description = "The record's version (the version column, else the last-modified value): update and"
            + " delete fail with CONFLICT when the record is no longer at it; set by get and writes",
              javaType = "String")
    public static final String REMOTE_VERSION = SourceHeaders.REMOTE_VERSION;
    @Metadata(label = "consumer", description = "The record's last-modified time", javaType = "java.time.Instant")
    public static final String MODIFIED_AT = SourceHeaders.MODIFIED_AT;
    @Metadata(label = "producer", description = "readChanges from this ISO-8601 instant, ignoring the watermark",
              javaType = "String")
    public static final String MODIFIED_AFTER = SourceHeaders.MODIFIED_AFTER;
    @Metadata(label = "producer", description = "readChanges from the initial history, ignoring the watermark",
              javaType = "Boolean")
    public static final String FULL_RESYNC = SourceHeaders.FULL_RESYNC;
    @Metadata(label = "producer", description = "readChanges from this cursor",
              javaType = "dev.millwright.core.cursor.IncrementalCursor")
    public static final String CURSOR = SourceHeaders.CURSOR;
    @Metadata(label = "producer", description = "Output of readChanges: the key its cursor is stored under",
              javaType = "dev.millwright.core.cursor.CursorKey")
    public static final String CURSOR_KEY = SourceHeaders.CURSOR_KEY;
    @Metadata(label = "producer", description = "Output of readChanges: mark records committed on it, then save its"
            + " cursor", javaType = "dev.millwright.core.cursor.CursorTracker")
    public static final String CURSOR_TRACKER = SourceHeaders.CURSOR_TRACKER;

    private ExpressMaintenanceConstants() {
    }
}
