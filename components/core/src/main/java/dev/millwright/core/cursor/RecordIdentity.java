package dev.millwright.core.cursor;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** How a system names its raw records: their id, version (null if it has none) and modified time. */
public interface RecordIdentity {

    String remoteId(JsonNode record);

    String version(JsonNode record);

    /** The source's modified time, or null when the record has none or it cannot be read. */
    Instant modifiedAt(JsonNode record);
}
