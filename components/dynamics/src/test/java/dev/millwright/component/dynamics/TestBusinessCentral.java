package dev.millwright.component.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/** The app registration the tests use, endpoint URIs for a running simulator, and reads through them. */
final class TestBusinessCentral {

    static final String CLIENT_ID = "3f2b1a0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
    static final String SECRET = "Xq8~s3cr3t.Value_for-tests";

    private TestBusinessCentral() {
    }

    /** The connection options of the simulator's app and company (fast retries). */
    static Map<String, String> connectionOptions(BusinessCentralSimulator bc) {
        return Map.of("baseUrl", bc.baseUrl(), "tenantId", bc.tenantId(), "companyName", bc.companyName(),
                "tokenUrl", bc.tokenUrl(), "clientId", CLIENT_ID, "clientSecret", SECRET, "retryDelay", "10",
                "maxRetryDelay", "50");
    }

    /** An endpoint URI with inline settings; {@code options} are more URI options or empty. */
    static String uri(BusinessCentralSimulator bc, String collection, String options) {
        return "dynamics:" + collection + "?baseUrl=RAW(" + bc.baseUrl() + ")&tenantId=" + bc.tenantId()
                + "&companyId=" + bc.companyId() + "&tokenUrl=RAW(" + bc.tokenUrl() + ")&clientId=" + CLIENT_ID
                + "&clientSecret=RAW(" + SECRET + ")&retryDelay=10&maxRetryDelay=50"
                + (options.isEmpty() ? "" : "&" + options);
    }

    /** readChanges, drained. */
    static List<ObjectNode> readAll(ProducerTemplate template, String uri, Map<String, Object> headers) {
        Exchange reply = template.request(uri, exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    /** The requests the simulator received on a path ending with {@code suffix}. */
    static List<RecordedRequest> requestsTo(BusinessCentralSimulator bc, String suffix) {
        return bc.requestLog().stream().filter(r -> r.path().endsWith(suffix)).toList();
    }
}
