package dev.millwright.runtime.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.FieldError;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.write.BulkItem;
import dev.millwright.runtime.write.BulkJob;
import dev.millwright.runtime.write.BulkJobs;
import dev.millwright.runtime.write.JdbcBulkJobStore;

/** Bulk writes of one collection: submitted as a JSON array or NDJSON, processed in the background. */
@Path("/bulk")
@ConnectionScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk writes")
@SecurityRequirement(name = "connectionToken")
public class BulkResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_RECORDS = 100_000;

    @Inject
    CurrentConnection connection;

    @Inject
    BulkJobs jobs;

    @Inject
    JdbcBulkJobStore store;

    @Inject
    MillwrightConfig config;

    /** A job and its per-record results. */
    @Schema(name = "BulkJob")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobView(String id, String entity, String state, int total, int processed, int succeeded,
            int failed, @JsonProperty("batch_size") int batchSize,
            @JsonProperty("batch_delay_ms") long batchDelayMillis, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
            String error, List<ItemView> results) {
    }

    /** The outcome of one record (its index in the submitted list). */
    @Schema(name = "BulkResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(int index, String operation, String state, String id,
            @JsonProperty("remote_id") String remoteId, Problem error) {
    }

    @POST
    @Path("/{collection}")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Submit a bulk write",
               description = "A JSON array (or NDJSON, one record per line) of canonical records: those with an id"
                       + " are updates, the others creates. Processed in batches (batch_size, default 50) with"
                       + " batch_delay_ms between them; poll GET /bulk/{job_id}.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Response submit(@PathParam("collection") String collection, @HeaderParam(HttpHeaders.CONTENT_TYPE)
            String contentType, @QueryParam("batch_size") String batchSize,
            @QueryParam("batch_delay_ms") String batchDelay, String body) {
        Entity entity;
        try {
            entity = Entity.fromCollection(collection);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        List<ObjectNode> records = contentType != null && contentType.startsWith(NDJSON) ? ndjson(body)
                : array(body);
        if (records.isEmpty()) {
            throw ProblemException.validation("the bulk write has no records", List.of());
        }
        if (records.size() > MAX_RECORDS) {
            throw ProblemException.validation("at most " + MAX_RECORDS + " records per bulk write", List.of());
        }
        int size = number(batchSize, "batch_size", config.bulk().batchSize(), 1, 1000);
        long delay = number(batchDelay, "batch_delay_ms", config.bulk().batchDelayMillis(), 0, 3_600_000);
        BulkJob job = jobs.submit(connection.get(), entity, records, size, delay);
        return Response.accepted(view(job, List.of())).header("Location", "/bulk/" + job.id()).build();
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "Progress and per-record results of a bulk write")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobView.class)))
    public JobView get(@PathParam("jobId") String jobId) {
        BulkJob job = store.find(jobId).filter(found -> found.connectionId().equals(connection.id()))
                .orElseThrow(() -> ProblemException.notFound("no bulk job '" + jobId + "'"));
        return view(job, store.items(jobId, null, MAX_RECORDS));
    }

    private static JobView view(BulkJob job, List<BulkItem> items) {
        List<ItemView> results = items.stream().map(item -> new ItemView(item.position(), item.operation(),
                item.state(), item.recordId(), item.remoteId(), item.errorCode() == null ? null
                        : new Problem(null, null, Problems.status(item.errorCode()), item.errorMessage(),
                                item.errorCode(), null, fieldProblems(item.errorFields()), null, null))).toList();
        return new JobView(job.id(), job.entity(), job.state(), job.total(), job.processed(), job.succeeded(),
                job.failed(), job.batchSize(), job.batchDelayMillis(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.error(), results);
    }

    private static List<Problem.FieldProblem> fieldProblems(String json) {
        if (json == null) {
            return null;
        }
        try {
            List<FieldError> fields = RequestBodies.JSON.readValue(json, new TypeReference<List<FieldError>>() {
            });
            return fields.stream().map(f -> new Problem.FieldProblem(f.field(), f.message(), f.remoteCode())).toList();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<ObjectNode> array(String body) {
        JsonNode parsed = RequestBodies.parse(body);
        if (!parsed.isArray()) {
            throw ProblemException.validation("the body must be a JSON array of records (or NDJSON with"
                    + " Content-Type " + NDJSON + ")", List.of());
        }
        List<ObjectNode> records = new ArrayList<>(parsed.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof ObjectNode record) {
                records.add(record);
            } else {
                errors.add(new FieldError("[" + i + "]", "must be a JSON object"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("some records are not JSON objects", errors);
        }
        return records;
    }

    private static List<ObjectNode> ndjson(String body) {
        List<ObjectNode> records = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(body == null ? "" : body))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode record = RequestBodies.JSON.readTree(line);
                    if (record instanceof ObjectNode object) {
                        records.add(object);
                    } else {
                        errors.add(new FieldError("line " + number, "must be a JSON object"));
                    }
                } catch (JsonProcessingException e) {
                    errors.add(new FieldError("line " + number, "not valid JSON: " + e.getOriginalMessage()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("some lines are not JSON records", errors);
        }
        return records;
    }

    private static long number(String value, String name, long fallback, long min, long max) {
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }

    private static int number(String value, String name, int fallback, int min, int max) {
        return (int) number(value, name, (long) fallback, min, max);
    }
}
