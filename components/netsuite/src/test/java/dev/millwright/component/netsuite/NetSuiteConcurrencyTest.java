package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/**
 * The requests of one connection stay within maxConcurrentRequests, across endpoints and threads; NetSuite's 429
 * for an exceeded account concurrency limit is retried.
 */
class NetSuiteConcurrencyTest extends NetSuiteCamelTest {

    private static final int READERS = 6;
    private NetSuiteSimulator netsuite;

    @Override
    protected void doPreSetup() {
        netsuite = TestAccount.simulator().seed(41).vendors(20).inventoryItems(20).purchaseOrders(0).workOrders(0)
                .assets(20).concurrencyLimit(3).build().start();
        netsuite.faults().latencyMillis(60);
    }

    @AfterEach
    void stopSimulator() {
        netsuite.close();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    /** Readers of three collections of the tests' connection in parallel; answers what each read. */
    private List<Integer> readInParallel(String options) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<List<ObjectNode>>> reads = new ArrayList<>();
            String[] collections = {"vendors", "inventory-items", "assets"};
            for (int i = 0; i < READERS; i++) {
                String uri = "netsuite:" + collections[i % 3] + "?connection=" + TestAccount.OAUTH2
                        + "&initialHistory=all&pageSize=4&" + options;
                reads.add(threads.submit(() -> readAll(uri)));
            }
            List<Integer> sizes = new ArrayList<>();
            for (Future<List<ObjectNode>> read : reads) {
                sizes.add(read.get().size());
            }
            return sizes;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aConnectionNeverHasMoreRequestsInFlightThanAllowed() throws Exception {
        List<Integer> sizes = readInParallel("maxConcurrentRequests=2");

        assertThat(sizes).containsOnly(20);
        assertThat(netsuite.mostConcurrentRequests()).isBetween(1, 2);
    }

    @Test
    void requestsBeyondTheAccountLimitAreRefusedAndRetried() throws Exception {
        List<Integer> sizes = readInParallel("maxConcurrentRequests=0&maxAttempts=20&retryDelay=20&maxRetryDelay=100");

        assertThat(sizes).containsOnly(20);
        assertThat(netsuite.mostConcurrentRequests()).isGreaterThan(3);
    }
}
