package dev.millwright.runtime.api;

import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.FieldError;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.model.CanonicalJsonException;

/** Every error leaves the API as a problem document; nothing but a real fault is a 5xx. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static String requestId(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(RequestIds.PROPERTY);
        return id == null ? null : id.toString();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException error, ContainerRequestContext request) {
        return Problems.response(error.status(), error.code(), error.getMessage(), error.errors(),
                requestId(request), null, null).build();
    }

    @ServerExceptionMapper
    public Response connector(ConnectorException error, ContainerRequestContext request) {
        return Problems.fromConnector(error, requestId(request));
    }

    @ServerExceptionMapper
    public Response canonicalJson(CanonicalJsonException error, ContainerRequestContext request) {
        List<FieldError> fields = error.field() == null || error.field().isBlank() ? List.of()
                : List.of(new FieldError(error.field(), error.getMessage()));
        return Problems.response("VALIDATION_FAILED", error.getMessage(), fields, requestId(request));
    }

    @ServerExceptionMapper
    public Response writeMapping(WriteMappingException error, ContainerRequestContext request) {
        String code = error.reason() == WriteMappingException.Reason.FIELD_NOT_UPDATABLE ? "FIELD_NOT_UPDATABLE"
                : "VALIDATION_FAILED";
        List<FieldError> fields = error.fields().stream().map(field -> new FieldError(field, error.getMessage()))
                .toList();
        return Problems.response(code, error.getMessage(), fields, requestId(request));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException error, ContainerRequestContext request) {
        return Problems.response("VALIDATION_FAILED", "the body is not valid JSON: " + error.getOriginalMessage(),
                List.of(), requestId(request));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException error, ContainerRequestContext request) {
        String code = error instanceof NotFoundException ? "NOT_FOUND"
                : error instanceof NotAllowedException ? "METHOD_NOT_ALLOWED"
                : error instanceof NotSupportedException ? "UNSUPPORTED_MEDIA_TYPE"
                : error instanceof NotAcceptableException ? "NOT_ACCEPTABLE"
                : error.getResponse().getStatus() == 413 ? "PAYLOAD_TOO_LARGE"
                : error.getResponse().getStatus() < 500 ? "VALIDATION_FAILED" : "INTERNAL_ERROR";
        String detail = error instanceof NotFoundException ? "no such resource" : error.getMessage();
        Response.ResponseBuilder response = Problems.response(Problems.status(code), code, detail, List.of(),
                requestId(request), null, null);
        if (error instanceof NotAllowedException) {
            response.header("Allow", error.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException error, ContainerRequestContext request) {
        String requestId = requestId(request);
        LOG.errorf(error, "Request %s failed", requestId);
        return Problems.response("INTERNAL_ERROR", "an internal error occurred; quote request " + requestId,
                List.of(), requestId);
    }
}
