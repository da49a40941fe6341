package dev.millwright.simulators.maximo;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maximo's guard against replayed writes: a create, update or delete may carry a {@code transactionid}
 * header; once such a request has committed, another request with the same id is rejected with 409
 * Conflict for five minutes (Maximo's OSLCTXN escalation default).
 */
final class TransactionIds {
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final long ttlNanos;

    TransactionIds(Duration timeToLive) {
        this.ttlNanos = timeToLive.toNanos();
    }

    /**
     * Reserves the id for a write about to run; {@link #abort} releases it when the write fails.
     *
     * @throws MaximoException 409 when the id was used within the time to live
     */
    void begin(String transactionId) {
        if (transactionId == null) {
            return;
        }
        expire();
        if (committed.putIfAbsent(transactionId, System.nanoTime()) != null) {
            throw new MaximoException(409, "BMXAA9552E", "The transaction with the ID " + transactionId
                    + " was already processed.");
        }
    }

    /** Forgets an id whose write failed, so that the client may retry it. */
    void abort(String transactionId) {
        if (transactionId != null) {
            committed.remove(transactionId);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Iterator<Long> it = committed.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > ttlNanos) {
                it.remove();
            }
        }
    }
}
