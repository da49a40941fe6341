package dev.millwright.runtime.write;

/**
 * One record of a bulk job: its position in the submitted list, the operation ({@code create}, or {@code update}
 * when it names an id), its payload, and once processed its outcome.
 */
public record BulkItem(
        int position,
        String operation,
        String payload,
        String state,
        String recordId,
        String remoteId,
        String errorCode,
        String errorMessage,
        String errorFields) {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
