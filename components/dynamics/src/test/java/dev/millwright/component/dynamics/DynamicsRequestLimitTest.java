package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.TestBusinessCentral.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.error.ConflictException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/** Business Central's request limit (429 with Retry-After) and the 412 answer of older versions to a stale ETag. */
class DynamicsRequestLimitTest extends CamelTestSupport {

    @Test
    void aReadLongerThanTheRequestWindowWaitsOutTheRetryAfterAndCompletes() {
        try (BusinessCentralSimulator bc = BusinessCentralSimulator.builder()
                .client(TestBusinessCentral.CLIENT_ID, TestBusinessCentral.SECRET).vendors(25).items(1).fixedAssets(0)
                .purchaseOrders(0).requestLimit(3, Duration.ofSeconds(1)).build().start()) {
            List<ObjectNode> vendors = readAll(template, TestBusinessCentral.uri(bc, "vendors",
                    "initialHistory=all&pageSize=5&localCurrency=USD"), Map.of());

            assertThat(vendors).hasSize(25);
            List<RecordedRequest> pages = TestBusinessCentral.requestsTo(bc, "/vendors");
            assertThat(pages.size()).isGreaterThan(5);
        }
    }

    @Test
    void aStaleEtagAnswered412IsAConflict() {
        try (BusinessCentralSimulator bc = BusinessCentralSimulator.builder()
                .client(TestBusinessCentral.CLIENT_ID, TestBusinessCentral.SECRET).vendors(3).items(1).fixedAssets(0)
                .purchaseOrders(0).staleEtagStatus(412).build().start()) {
            ObjectNode vendor = bc.records("vendors").get(0);
            String id = vendor.get("id").asText();
            bc.modify("vendors", id, Map.of("city", "Denver"));

            assertThatThrownBy(() -> template.requestBodyAndHeaders(TestBusinessCentral.uri(bc, "vendors",
                    "operation=update"), Map.of("city", "Boise"), Map.of(SourceHeaders.REMOTE_ID, id,
                    SourceHeaders.REMOTE_VERSION, vendor.get("@odata.etag").asText())))
                    .hasCauseInstanceOf(ConflictException.class).cause().hasMessageContaining("Request_EntityChanged");
        }
    }
}
