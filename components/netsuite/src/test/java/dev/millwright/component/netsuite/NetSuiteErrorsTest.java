package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** NetSuite's error answers become typed errors naming connection, entity and record; 429 and 503 are retried. */
class NetSuiteErrorsTest extends NetSuiteCamelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void startSimulator() {
        netsuite = TestAccount.simulator().seed(31).vendors(30).inventoryItems(10).purchaseOrders(12).workOrders(2)
                .assets(3).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        netsuite.close();
    }

    @BeforeEach
    void resetFaults() {
        netsuite.faults().reset();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    private static String uri(String collection, String options) {
        return "netsuite:" + collection + "?connection=" + TestAccount.OAUTH2 + "&" + options;
    }

    @Test
    void aMissingRecordIsNotFound() {
        Exchange reply = request(uri("vendors", "operation=get"), Map.of(SourceHeaders.REMOTE_ID, "999999"), null);

        assertThat(reply.getException()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("NONEXISTENT_ID").hasMessageContaining("record '999999'")
                .hasMessageContaining("connection '" + TestAccount.OAUTH2 + "'");
    }

    @Test
    void anUnknownRecordTypeIsNotFound() {
        Exchange reply = request(uri("meters", "operation=get"), Map.of(SourceHeaders.REMOTE_ID, "1"), null);

        assertThat(reply.getException()).isInstanceOf(NotFoundException.class).hasMessageContaining("entity 'meters'");
    }

    @Test
    void aRefusedReferenceIsAFieldErrorWithNetSuitesPathAndCode() throws Exception {
        String vendor = netsuite.records("vendor").get(0).get("id").asText();
        ObjectNode order = (ObjectNode) JSON.readTree("{\"entity\":{\"id\":\"" + vendor + "\"},\"item\":{\"items\":"
                + "[{\"item\":{\"id\":\"424242\"},\"quantity\":1}]}}");

        Exchange reply = request(uri("purchase-orders", "operation=create"), Map.of(), order);

        assertThat(reply.getException()).isInstanceOf(ValidationFailedException.class);
        List<FieldError> errors = ((ValidationFailedException) reply.getException()).fieldErrors();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("item.items[0].item");
            assertThat(error.remoteCode()).isEqualTo("INVALID_KEY_OR_REF");
            assertThat(error.message()).contains("424242");
        });
        assertThat(reply.getException()).hasMessageContaining("entity 'purchase_order'");
    }

    @Test
    void aBusinessRuleRefusalIsAValidationFailureWithNetSuitesMessage() {
        ObjectNode order = netsuite.records("purchaseOrder").get(0);
        netsuite.modify("purchaseOrder", order.get("id").asText(), Map.of("orderStatus", "H"));

        Exchange reply = request(uri("purchase-orders", "operation=update"),
                Map.of(SourceHeaders.REMOTE_ID, order.get("id").asText()), Map.of("memo", "reopen"));

        assertThat(reply.getException()).isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("USER_ERROR").hasMessageContaining("Closed");
    }

    @Test
    void aMalformedQueryIsARemoteErrorWithTheCode() {
        Exchange reply = request(uri("vendors", "where=nosuchcolumn = 1"), Map.of(), null);

        assertThat(reply.getException()).isInstanceOf(RemoteErrorException.class);
        assertThat(((RemoteErrorException) reply.getException()).remoteCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(((RemoteErrorException) reply.getException()).httpStatus()).isEqualTo(400);
    }

    @Test
    void anIdThatIsNoInternalIdIsRefusedBeforeTheRequest() {
        long before = netsuite.requestCount();

        Exchange reply = request(uri("vendors", "operation=get"), Map.of(SourceHeaders.REMOTE_ID, "../purchaseOrder/1"),
                null);

        assertThat(reply.getException()).isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("not a NetSuite internal id");
        assertThat(netsuite.requestCount()).isEqualTo(before);
    }

    @Test
    void rateLimitedAnswersAreRetriedAfterRetryAfter() {
        netsuite.faults().rateLimitNextRequests(2, 0);

        Exchange reply = request(uri("vendors", "initialHistory=all&pageSize=100"), Map.of(), null);

        assertThat(reply.getException()).isNull();
        assertThat(drain(reply)).hasSize(30);
        assertThat(netsuite.faults().pendingRateLimits()).isZero();
    }

    @Test
    void unavailableAnswersAreRetriedWithBackoff() {
        netsuite.faults().failNextRequests(2, 503);

        Exchange reply = request(uri("vendors", "initialHistory=all&pageSize=100"), Map.of(), null);

        assertThat(drain(reply)).hasSize(30);
    }

    @Test
    void aServiceThatStaysUnavailableIsSourceUnavailable() {
        netsuite.faults().failNextRequests(10, 503);

        Exchange reply = request(uri("vendors", "initialHistory=all&maxAttempts=3"), Map.of(), null);

        assertThat(reply.getException()).isInstanceOf(SourceUnavailableException.class);
    }

    @Test
    void aRetryAfterLongerThanAllowedIsRateLimited() {
        netsuite.faults().rateLimitNextRequests(1, 600);

        Exchange reply = request(uri("vendors", "maxRetryAfter=5"), Map.of(), null);

        assertThat(reply.getException()).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aMalformedPageFailsTheReadAfterTheRecordsBeforeIt() {
        Exchange reply = request(uri("vendors", "pageSize=10&initialHistory=all"), Map.of(), null);
        List<ObjectNode> received = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 10; i++) {
                received.add(stream.next());
            }
            netsuite.faults().malformNextPages(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(stream::next)
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("invalid JSON")
                    .hasMessageContaining("suiteql");
        }
        assertThat(received).hasSize(10);
    }

    private static List<ObjectNode> drain(Exchange reply) {
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }
}
