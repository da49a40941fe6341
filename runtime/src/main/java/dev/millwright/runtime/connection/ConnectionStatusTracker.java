package dev.millwright.runtime.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.routes.sync.SyncListener;
import dev.millwright.routes.sync.SyncRun;

/** Turns what syncs observe of a source into connection status: refused credentials, unreachable, fine. */
@ApplicationScoped
@Unremovable
public class ConnectionStatusTracker implements SyncListener {

    @Inject
    ConnectionService connections;

    @Override
    public void runFinished(SyncRun run) {
        Throwable failure = run.failure();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationRequiredException auth) {
                connections.observe(run.connectionId(), ConnectionStatus.AUTH_REQUIRED, auth.detail());
                return;
            }
            if (cause instanceof SourceUnavailableException unavailable) {
                connections.observe(run.connectionId(), ConnectionStatus.OFFLINE, unavailable.detail());
                return;
            }
        }
        if (failure == null) {
            connections.observe(run.connectionId(), ConnectionStatus.ONLINE, null);
        }
    }
}
