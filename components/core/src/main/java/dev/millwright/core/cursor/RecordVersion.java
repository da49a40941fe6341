package dev.millwright.core.cursor;

/** A source record at one version (ETag, rowstamp); the version is null for systems that have none. */
public record RecordVersion(String remoteId, String version) {
}
