package dev.millwright.routes.inbound;

/**
 * The connection's syncs are paused (suspended, waiting for reauthorization, disconnected): no sync can run now, and
 * none is lost either, since the first sync after resuming reads every change since the watermark. The notification
 * is finished without a dead letter.
 */
public final class SyncPausedException extends Exception {

    public SyncPausedException(String message) {
        super(message);
    }
}
