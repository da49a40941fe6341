package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.TestHttp.suiteQl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 200,000 vendors start within the module's test heap (-Xmx1g) and read completely through SuiteQL: 100,000 rows
 * by offset paging, then a keyset query for the rest. It logs what it measured (the figures of the simulator's
 * class comment); it asserts what was read, not how fast.
 */
class NetSuiteScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteScaleTest.class);
    private static final int VENDORS = 200_000;
    private static final String TIMESTAMP = "'YYYY-MM-DD HH24:MI:SS'";

    @Test
    void twoHundredThousandVendorsReadThroughTwoQueries() {
        long started = System.nanoTime();
        try (NetSuiteSimulator netsuite = NetSuiteSimulator.builder().vendors(VENDORS).inventoryItems(10)
                .purchaseOrders(10).workOrders(1).assets(1).clock(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"),
                        ZoneOffset.UTC)).build().start()) {
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapMegabytes = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

            long reading = System.nanoTime();
            Set<String> ids = new HashSet<>();
            String select = "SELECT id, TO_CHAR(lastmodifieddate, " + TIMESTAMP + ") AS ts FROM vendor";
            String order = " ORDER BY lastmodifieddate, id";
            JsonNode last = null;
            int offset = 0;
            boolean more = true;
            while (more) {
                JsonNode page = suiteQl(netsuite, select + order, 1000, offset).json();
                page.get("items").forEach(item -> ids.add(item.get("id").asText()));
                last = page.get("items").get(page.get("items").size() - 1);
                more = page.get("hasMore").asBoolean();
                offset += 1000;
            }
            assertThat(ids).hasSize(100_000);
            String ts = last.get("ts").asText();
            String keyset = select + " WHERE lastmodifieddate > TO_TIMESTAMP('" + ts + "', " + TIMESTAMP
                    + ") OR (lastmodifieddate = TO_TIMESTAMP('" + ts + "', " + TIMESTAMP + ") AND id > "
                    + last.get("id").asText() + ")" + order;
            offset = 0;
            more = true;
            while (more) {
                JsonNode page = suiteQl(netsuite, keyset, 1000, offset).json();
                page.get("items").forEach(item -> ids.add(item.get("id").asText()));
                more = page.get("hasMore").asBoolean();
                offset += 1000;
            }
            long readMillis = (System.nanoTime() - reading) / 1_000_000;

            LOG.info("{} vendors: start {} ms, heap in use {} MB, read all through SuiteQL (200 pages of 1000) in {} ms",
                    VENDORS, startupMillis, heapMegabytes, readMillis);
            assertThat(ids).hasSize(VENDORS);
        }
    }
}
