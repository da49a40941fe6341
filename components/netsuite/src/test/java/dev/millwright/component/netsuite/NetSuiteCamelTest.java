package dev.millwright.component.netsuite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** A Camel context whose connection registry knows the test account's connections on the class's simulator. */
abstract class NetSuiteCamelTest extends CamelTestSupport {

    /** The simulator the connections point at. */
    protected abstract NetSuiteSimulator netsuite();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", TestAccount.connections(netsuite()));
        return context;
    }

    /** Sends to an endpoint; answers the reply exchange (its exception set when the request failed). */
    protected Exchange request(String uri, Map<String, Object> headers, Object body) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }

    /** Runs readChanges and drains its stream. */
    protected List<ObjectNode> readAll(String uri, Map<String, Object> headers) {
        Exchange reply = request(uri, headers, null);
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    protected List<ObjectNode> readAll(String uri) {
        return readAll(uri, Map.of());
    }
}
