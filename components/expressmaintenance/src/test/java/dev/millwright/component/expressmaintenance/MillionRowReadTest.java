package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/**
 * A million work orders are read in keyset pages with the heap staying flat: what the read holds is one page, not
 * the table. Tagged slow (seeding the million rows takes most of its time); run with {@code -Dgroups=slow}.
 */
@Tag("slow")
class MillionRowReadTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(MillionRowReadTest.class);
    private static final int ROWS = 1_000_000;
    private static final long HEAP_GROWTH_LIMIT = 128L * 1024 * 1024;

    private ExpressMaintenanceSimulator cmms;

    @Override
    protected void doPreSetup() {
        cmms = ExpressMaintenanceSimulator.builder().workOrders(ROWS).assets(200).vendors(0).inventoryItems(0)
                .purchaseOrders(0).historyDays(365).build().start();
    }

    @AfterEach
    void stopSimulator() {
        cmms.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        return context;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aMillionRowsAreReadOnceEachWithBoundedMemory() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedHeapAfterGc(memory);
        long peakGrowth = 0;
        long count = 0;
        Set<Long> sample = new HashSet<>();
        Instant previous = Instant.MIN;
        Instant started = Instant.now();
        try (ChangeStream stream = template.requestBody("expressmaintenance:work-orders?dataSource=#cmms"
                + "&initialHistory=all&pageSize=1000", null, ChangeStream.class)) {
            while (stream.hasNext()) {
                ObjectNode record = stream.next();
                Instant modified = stream.tracker() == null ? null
                        : java.time.OffsetDateTime.parse(record.get("last_modified").asText()).toInstant();
                assertThat(modified).isAfterOrEqualTo(previous);
                previous = modified;
                long id = record.get("wo_id").asLong();
                if (id % 1000 == 0) {
                    assertThat(sample.add(id)).isTrue();
                }
                // the cursor tracker keeps what the sink has not committed: commit as a sink would
                stream.tracker().markCommitted(count);
                if (++count % 200_000 == 0) {
                    peakGrowth = Math.max(peakGrowth, usedHeapAfterGc(memory) - baseline);
                }
            }
        }
        Duration took = Duration.between(started, Instant.now());
        LOG.warn("read {} rows in {} ms ({} rows/s); heap growth at most {} MB", count, took.toMillis(),
                count * 1000 / Math.max(1, took.toMillis()), peakGrowth / (1024 * 1024));

        assertThat(count).isEqualTo(ROWS);
        assertThat(sample).hasSize(ROWS / 1000);
        assertThat(peakGrowth).isLessThan(HEAP_GROWTH_LIMIT);
    }
}
