package dev.millwright.mapping.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.LRUCacheFactory;

/** Maps the body of each exchange with the endpoint's compiled mapping. */
public class CanonicalProducer extends DefaultProducer {

    private static final int CONTEXT_CACHE_SIZE = 1_000;

    private final CanonicalEndpoint endpoint;
    private Mapping<? extends CanonicalRecord> mapping;
    private WriteMode defaultWriteMode;
    private Map<String, String> optionCustomFields;
    /** Contexts compile their custom field paths: keep them rather than recompiling per record. */
    private Map<ContextKey, MappingContext> contexts;

    public CanonicalProducer(CanonicalEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        mapping = endpoint.getComponent().registryFor(endpoint.getMappingDirectory())
                .mapping(endpoint.getSystem(), endpoint.getCollection());
        defaultWriteMode = WriteMode.fromValue(endpoint.getWriteMode());
        optionCustomFields = endpoint.customFieldMap();
        contexts = LRUCacheFactory.newLRUCache(CONTEXT_CACHE_SIZE);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (endpoint.isWrite()) {
            message.setBody(write(message));
        } else {
            MappingResult<? extends CanonicalRecord> result = mapping.read(json(message), context(message));
            message.setBody(result.record());
            message.setHeader(CanonicalConstants.MAPPING_WARNINGS, result.warnings());
        }
    }

    private JsonNode write(Message message) throws InvalidPayloadException {
        WriteMode mode = writeMode(message.getHeader(CanonicalConstants.WRITE_MODE));
        if (message.getBody() instanceof CanonicalRecord record) {
            return mapping.write(record, mode);
        }
        return mapping.write(json(message), mode);
    }

    private WriteMode writeMode(Object header) {
        if (header instanceof WriteMode mode) {
            return mode;
        }
        return header == null ? defaultWriteMode : WriteMode.fromValue(header.toString());
    }

    private MappingContext context(Message message) {
        String connectionId = endpoint.getConnection() != null ? endpoint.getConnection()
                : message.getHeader(CanonicalConstants.CONNECTION_ID, String.class);
        if (connectionId == null || connectionId.isBlank()) {
            throw new IllegalArgumentException("No connection id for " + endpoint.getEndpointUri()
                    + ": set the connection option or the " + CanonicalConstants.CONNECTION_ID + " header");
        }
        Map<String, String> customFields = customFields(message, connectionId);
        ContextKey key = new ContextKey(connectionId, customFields);
        MappingContext context = contexts.get(key);
        if (context == null) {
            context = new MappingContext(connectionId, customFields, endpoint.isKeepRaw());
            contexts.put(key, context);
        }
        return context;
    }

    private Map<String, String> customFields(Message message, String connectionId) {
        Object header = message.getHeader(CanonicalConstants.CUSTOM_FIELDS);
        if (header instanceof Map<?, ?> map) {
            Map<String, String> declared = new LinkedHashMap<>();
            map.forEach((name, path) -> declared.put(String.valueOf(name), String.valueOf(path)));
            return declared;
        }
        if (header instanceof String declarations) {
            return CanonicalEndpoint.parseCustomFields(declarations);
        }
        if (!optionCustomFields.isEmpty()) {
            return optionCustomFields;
        }
        CustomFieldSource source = endpoint.getComponent().customFieldSource();
        if (source != null) {
            Map<String, String> declared = source.customFields(connectionId, mapping.entity());
            return declared == null ? Map.of() : declared;
        }
        return Map.of();
    }

    /** The body as JSON: a JsonNode as is; a Map converted; JSON text, bytes or a stream parsed. */
    private static JsonNode json(Message message) throws InvalidPayloadException {
        Object body = message.getBody();
        ObjectMapper mapper = CanonicalJson.mapper();
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof Map<?, ?> map) {
                return mapper.valueToTree(map);
            }
            if (body instanceof byte[] bytes) {
                return mapper.readTree(bytes);
            }
            if (body instanceof InputStream stream) {
                return mapper.readTree(stream);
            }
            if (body != null) {
                String text = message.getBody(String.class);
                if (text != null) {
                    return mapper.readTree(text);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body as JSON: " + e.getMessage(), e);
        }
        throw new InvalidPayloadException(message.getExchange(), JsonNode.class, message);
    }

    private record ContextKey(String connectionId, Map<String, String> customFields) {
    }
}
