package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static dev.millwright.simulators.maximo.TestHttp.enc;
import static dev.millwright.simulators.maximo.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulator of 1,000,000 work orders starts within the heap the module's tests run with (-Xmx1g, see
 * the pom) and serves pages of 1000 of an incremental {@code changedate>=} read quickly. It logs what it
 * measured; the figures in MaximoSimulator's class comment come from here. The thresholds asserted are
 * loose on purpose: they catch a lost index or a quadratic scan, not a slow build machine.
 */
class MaximoScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(MaximoScaleTest.class);
    private static final int WORK_ORDERS = 1_000_000;

    @Test
    void millionWorkOrdersStartAndServeAPageOfAThousand() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        long started = System.nanoTime();
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).workOrders(WORK_ORDERS)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build().start()) {
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            long heapMegabytes = usedHeapMegabytes();
            String query = maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.select=*&oslc.pageSize=1000"
                    + "&oslc.where=" + enc("changedate>=\"2024-05-01T00:00:00-00:00\"")
                    + "&oslc.orderBy=" + enc("+changedate");

            JsonNode first = get(query).json();
            assertThat(maximo.count("MXAPIWODETAIL")).isEqualTo(WORK_ORDERS);
            assertThat(first.get("member")).hasSize(1000);
            String next = first.at("/responseInfo/nextPage/href").asText();
            assertThat(next).contains("pageno=2");

            // The listener runs once a page is rendered and before it is sent: the time from sending the
            // request to it is the server's parse, query and render time.
            AtomicLong rendered = new AtomicLong();
            maximo.onPageServed((os, page) -> rendered.set(System.nanoTime()));
            int pageBytes = 0;
            for (int i = 0; i < 100; i++) {
                pageBytes = get(query).body().length(); // warms up the JIT
            }
            long[] renderMicros = new long[25];
            long[] roundTripMicros = new long[25];
            for (int i = 0; i < renderMicros.length; i++) {
                long sent = System.nanoTime();
                get(query);
                roundTripMicros[i] = (System.nanoTime() - sent) / 1000;
                renderMicros[i] = (rendered.get() - sent) / 1000;
            }
            long nextPageMillis = medianMillis(5, () -> get(next));
            long deepPageMillis = medianMillis(3, () -> get(query + "&pageno=300"));
            long countedMillis = medianMillis(3, () -> get(query + "&collectioncount=1"));

            LOG.info("1,000,000 work orders: start {} ms, heap in use {} MB; page of 1000 ({} KB): server"
                            + " {} ms, round trip {} ms (medians); page 2 via nextPage {} ms; page 300 without"
                            + " a cursor {} ms; with collectioncount=1 {} ms", startupMillis, heapMegabytes, pageBytes / 1024,
                    median(renderMicros) / 1000.0, median(roundTripMicros) / 1000.0, nextPageMillis,
                    deepPageMillis, countedMillis);
            assertThat(startupMillis).isLessThan(60_000);
            assertThat(median(renderMicros)).isLessThan(200_000);
        }
    }

    private static long medianMillis(int runs, Runnable request) {
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            request.run();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        return median(millis);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long usedHeapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
