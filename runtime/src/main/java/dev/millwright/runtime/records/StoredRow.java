package dev.millwright.runtime.records;

/** A stored canonical record as the read model returns it: its JSON, raw source JSON, and state columns. */
public record StoredRow(String id, String remoteId, String remoteVersion, boolean deleted, String json,
        String remoteData) {
}
