package dev.millwright.core.component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a source answered to a write: the record's remote id and new version, and the record when it sent it. */
public record WriteResult(String remoteId, String version, ObjectNode record) {
}
