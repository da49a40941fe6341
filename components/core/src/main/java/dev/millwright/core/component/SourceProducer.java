package dev.millwright.core.component;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.ValidationFailedException;

/**
 * The producer of every system component. {@code readChanges} answers a lazy {@link ChangeStream} with its {@link dev.millwright.core.cursor.CursorTracker} in a header, for the sink to
 * commit; {@code get}, {@code create}, {@code update} and {@code delete} work on one raw record;
 * {@code checkConnection} makes the system's cheapest authenticated call (health checks).
 */
public class SourceProducer extends DefaultProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SourceProducer(SourceEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SourceEndpoint getEndpoint() {
        return (SourceEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SourceEndpoint endpoint = getEndpoint();
        Message in = exchange.getMessage();
        SourceOperation operation = in.getHeader(SourceHeaders.OPERATION, endpoint.getConfiguration().getOperation(),
                SourceOperation.class);
        in.setHeader(SourceHeaders.CONNECTION_ID, endpoint.connectionId());
        in.setHeader(SourceHeaders.SYSTEM, endpoint.system());
        in.setHeader(SourceHeaders.ENTITY, endpoint.entity());
        switch (operation) {
            case readChanges -> readChanges(exchange);
            case get -> get(in);
            case create -> write(in, endpoint.client().create(objectBody(in), endpoint.errorContext()));
            case update -> {
                String remoteId = remoteId(in);
                write(in, endpoint.client().update(remoteId, in.getHeader(SourceHeaders.REMOTE_VERSION, String.class),
                        objectBody(in), endpoint.errorContext().withRemoteId(remoteId)));
            }
            case delete -> {
                String remoteId = remoteId(in);
                endpoint.client().delete(remoteId, in.getHeader(SourceHeaders.REMOTE_VERSION, String.class),
                        endpoint.errorContext().withRemoteId(remoteId));
                in.setBody(null);
            }
            case checkConnection -> {
                endpoint.client().checkConnection(endpoint.errorContext());
                in.setBody(Boolean.TRUE);
            }
            default -> throw new IllegalArgumentException("unsupported operation " + operation);
        }
    }

    private void readChanges(Exchange exchange) {
        // the stream holds no connection between pages, so it may outlive the exchange (a producer template's caller)
        ChangeStream stream = getEndpoint().openChangeStream(exchange.getMessage());
        Message in = exchange.getMessage();
        in.setHeader(SourceHeaders.CURSOR_KEY, getEndpoint().cursorKey());
        in.setHeader(SourceHeaders.CURSOR_TRACKER, stream.tracker());
        in.setBody(stream);
    }

    private void get(Message in) {
        String remoteId = remoteId(in);
        ObjectNode record = getEndpoint().client().get(remoteId, getEndpoint().errorContext().withRemoteId(remoteId));
        in.setHeader(SourceHeaders.REMOTE_VERSION, getEndpoint().client().identity().version(record));
        in.setBody(record);
    }

    private static void write(Message in, WriteResult result) {
        in.setHeader(SourceHeaders.REMOTE_ID, result.remoteId());
        in.setHeader(SourceHeaders.REMOTE_VERSION, result.version());
        in.setBody(result.record());
    }

    private String remoteId(Message in) {
        String remoteId = in.getHeader(SourceHeaders.REMOTE_ID, String.class);
        if (remoteId == null || remoteId.isBlank()) {
            throw new ValidationFailedException("the header " + SourceHeaders.REMOTE_ID + " is required",
                    List.of(new FieldError(SourceHeaders.REMOTE_ID, "missing")), getEndpoint().errorContext());
        }
        return remoteId;
    }

    private ObjectNode objectBody(Message in) {
        Object body = in.getBody();
        ErrorContext context = getEndpoint().errorContext();
        try {
            JsonNode node;
            if (body instanceof JsonNode json) {
                node = json;
            } else if (body instanceof Map<?, ?> map) {
                node = JSON.valueToTree(map);
            } else if (body instanceof String text) {
                node = JSON.readTree(text);
            } else if (body instanceof byte[] bytes) {
                node = JSON.readTree(bytes);
            } else if (body instanceof InputStream stream) {
                node = JSON.readTree(stream);
            } else {
                node = null;
            }
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new ValidationFailedException("the body is not valid JSON: " + e.getMessage(),
                    List.of(), context);
        }
        throw new ValidationFailedException("the body must be a JSON object (ObjectNode, Map or JSON text), not "
                + (body == null ? "empty" : body.getClass().getSimpleName()), List.of(), context);
    }
}
