package dev.millwright.core.http;

import java.util.concurrent.Semaphore;

/**
 * At most {@code permits} requests of one connection in flight at once, shared by every endpoint of the connection
 * (systems such as NetSuite refuse requests beyond an account-wide concurrency limit). Zero or less means unlimited.
 * A permit is held only while a request is on the wire, never during retry backoff.
 */
public final class ConcurrencyLimit {

    private final int permits;
    private final Semaphore semaphore;

    public ConcurrencyLimit(int permits) {
        this.permits = permits;
        this.semaphore = permits > 0 ? new Semaphore(permits, true) : null;
    }

    public static ConcurrencyLimit unlimited() {
        return new ConcurrencyLimit(0);
    }

    /** The permits, zero or less for unlimited. */
    public int permits() {
        return permits;
    }

    /** Waits until fewer than {@code permits} requests are in flight and takes a permit. */
    public void acquire() throws InterruptedException {
        if (semaphore != null) {
            semaphore.acquire();
        }
    }

    /** Returns the permit taken by {@link #acquire()}. */
    public void release() {
        if (semaphore != null) {
            semaphore.release();
        }
    }

    /** How many requests hold a permit now (0 when unlimited). */
    public int inFlight() {
        return semaphore == null ? 0 : permits - semaphore.availablePermits();
    }
}
