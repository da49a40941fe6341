package dev.millwright.runtime.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, plus Millwright's
 * stable machine {@code code}, the {@code request_id} to quote in support requests, per-field {@code errors}, and
 * the source system's own error code and message for {@code REMOTE_ERROR}.
 */
@Schema(name = "Problem", description = "An error (RFC 9457 application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @JsonProperty("request_id") String requestId,
        List<FieldProblem> errors,
        @JsonProperty("remote_code") String remoteCode,
        @JsonProperty("remote_message") String remoteMessage) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault: its name (canonical, or the source's), what is wrong, and a code where one applies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, String message, String code) {
    }
}
