package dev.millwright.runtime.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The sync status of one entity of a connection. {@code watermark} can be used as the next
 * {@code modified_after}: everything modified before it is in the store.
 */
@Schema(name = "EntitySyncStatus")
public record EntitySyncStatus(
        String entity,
        @Schema(enumeration = {"idle", "syncing", "done", "failed", "paused"}) String state,
        String schedule,
        @JsonProperty("last_started_at") Instant lastStartedAt,
        @JsonProperty("last_finished_at") Instant lastFinishedAt,
        @JsonProperty("last_success_at") Instant lastSuccessAt,
        Instant watermark,
        @JsonProperty("records_read") long recordsRead,
        @JsonProperty("records_written") long recordsWritten,
        @JsonProperty("records_failed") long recordsFailed,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("next_run_at") Instant nextRunAt,
        @JsonProperty("dead_letters") long deadLetters) {
}
