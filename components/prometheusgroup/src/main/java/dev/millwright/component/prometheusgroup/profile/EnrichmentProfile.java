package dev.millwright.component.prometheusgroup.profile;

import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * How host work orders (read from a host EAM connection) are enriched: the collection looked up (by its lookup
 * field) with each host record's number, the member added to the host record, the fields copied into it (name →
 * pointer into this system's record), and per host system where its records keep the number.
 */
public record EnrichmentProfile(String collection, String target, Map<String, JsonPointer> fields,
        Map<String, JsonPointer> hostNumbers) {
}
