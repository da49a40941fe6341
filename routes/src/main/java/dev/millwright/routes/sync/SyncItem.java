package dev.millwright.routes.sync;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.mapping.MappingWarning;
import dev.millwright.mapping.model.CanonicalRecord;

/** One record of a sync on its way to the sink: mapped, or failed and bound for the dead-letter store. */
public sealed interface SyncItem {

    /** Its position in the read (the cursor tracker's sequence). */
    long sequence();

    /** The raw source record. */
    JsonNode raw();

    record Mapped(long sequence, JsonNode raw, CanonicalRecord record, List<MappingWarning> warnings)
            implements SyncItem {
    }

    record Failed(long sequence, JsonNode raw, String remoteId, String stage, String errorCode, String errorMessage)
            implements SyncItem {
    }
}
