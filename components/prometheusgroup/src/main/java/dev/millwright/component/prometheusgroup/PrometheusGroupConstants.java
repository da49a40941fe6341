package dev.millwright.component.prometheusgroup;

import org.apache.camel.spi.Metadata;

import dev.millwright.core.component.SourceHeaders;

/** The message headers of the {@code prometheusgroup} component (and of any REST-profile system it serves). */
public final class PrometheusGroupConstants {

    @Metadata(description = "The producer operation, overriding the operation option",
              javaType = "dev.millwright.core.component.SourceOperation")
    public static final String OPERATION = SourceHeaders.OPERATION;
    @Metadata(description = "The connection id (set on every message)", javaType = "String")
    public static final String CONNECTION_ID = SourceHeaders.CONNECTION_ID;
    @Metadata(description = "The system: the profile's system name, prometheusgroup by default (set on every"
            + " message)", javaType = "String")
    public static final String SYSTEM = SourceHeaders.SYSTEM;
    @Metadata(description = "The canonical entity of the collection, e.g. work_order", javaType = "String")
    public static final String ENTITY = SourceHeaders.ENTITY;
    @Metadata(description = "The record's id, where the profile's record.id points (input of get, update, delete;"
            + " output of create and of the consumer)", javaType = "String")
    public static final String REMOTE_ID = SourceHeaders.REMOTE_ID;
    @Metadata(description = "The record's version, where the profile's record.version points: sent in the"
            + " profile's version header by update and delete, set by get and writes", javaType = "String")
    public static final String REMOTE_VERSION = SourceHeaders.REMOTE_VERSION;
    @Metadata(label = "consumer", description = "The record's change time", javaType = "java.time.Instant")
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

    @Metadata(label = "producer", description = "Set by a SchedulingEnricher: the custom fields (name to source path)"
            + " the canonical mapping reads from the enriched host records, merged into any already set",
              javaType = "java.util.Map<String, String>")
    public static final String CUSTOM_FIELDS = "MillwrightCustomFields";

    private PrometheusGroupConstants() {
    }
}
