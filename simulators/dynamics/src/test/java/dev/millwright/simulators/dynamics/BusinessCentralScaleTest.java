package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static dev.millwright.simulators.dynamics.TestHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A company of 200,000 vendors starts within the heap the module's tests run with (-Xmx512m, see the pom) and
 * an incremental read of a month of changes pages through it to the end by next links. It logs what it
 * measured (the figures in the simulator's class comment come from here); nothing is asserted about time.
 */
class BusinessCentralScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(BusinessCentralScaleTest.class);
    private static final int VENDORS = 200_000;

    @Test
    void twoHundredThousandVendorsAreServedPageByPage() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        long started = System.nanoTime();
        try (BusinessCentralSimulator bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).vendors(VENDORS)
                .items(10).fixedAssets(0).purchaseOrders(0).historyDays(365).clock(Clock.fixed(now, ZoneOffset.UTC))
                .requestLimit(100_000, java.time.Duration.ofMinutes(5)).build().start()) {
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            Runtime runtime = Runtime.getRuntime();
            long heapMegabytes = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            TestHttp http = new TestHttp(bc);
            String next = http.company("/vendors?$filter=" + enc("lastModifiedDateTime ge 2024-05-01T12:00:00Z")
                    + "&$orderby=" + enc("lastModifiedDateTime asc"));
            int records = 0;
            int pages = 0;
            long readStarted = System.nanoTime();
            while (next != null) {
                JsonNode page = http.get(next, "Prefer", "odata.maxpagesize=1000").json();
                records += page.get("value").size();
                pages++;
                JsonNode link = page.get("@odata.nextLink");
                next = link == null ? null : link.asText();
            }
            long readMillis = (System.nanoTime() - readStarted) / 1_000_000;

            assertThat(bc.count("vendors")).isEqualTo(VENDORS);
            assertThat(records).isBetween(VENDORS / 15, VENDORS / 9);
            LOG.info("{} vendors: generated and started in {} ms, about {} MB of heap in use; {} changed in the last"
                    + " 31 days read in {} pages of 1000 in {} ms ({} ms a page)", VENDORS, startupMillis,
                    heapMegabytes, records, pages, readMillis, readMillis / Math.max(1, pages));
        }
    }
}
