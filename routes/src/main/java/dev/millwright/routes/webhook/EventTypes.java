package dev.millwright.routes.webhook;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.millwright.mapping.model.Entity;

/** The event types a subscription may choose (PRODUCT.md, "Webhooks out"); {@value #ALL} chooses every one. */
public final class EventTypes {

    public static final String ALL = "*";
    public static final String SYNC_COMPLETED = "sync.completed";
    public static final String SYNC_FAILED = "sync.failed";
    public static final String CONNECTION_AUTH_REQUIRED = "connection.auth_required";
    public static final String CONNECTION_STATUS_CHANGED = "connection.status_changed";
    public static final String CONNECTION_DISCONNECTED = "connection.disconnected";
    public static final String SYSTEM_ERROR = "system.error";
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    private static final Set<String> KNOWN;

    static {
        Set<String> known = new LinkedHashSet<>(Set.of(SYNC_COMPLETED, SYNC_FAILED, CONNECTION_AUTH_REQUIRED,
                CONNECTION_STATUS_CHANGED, CONNECTION_DISCONNECTED, SYSTEM_ERROR, WEBHOOK_DISABLED));
        for (Entity entity : Entity.values()) {
            for (String action : new String[] {"created", "updated", "deleted"}) {
                known.add(entity.eventType(action));
            }
        }
        KNOWN = Collections.unmodifiableSet(known);
    }

    private EventTypes() {
    }

    /** Every event type, {@code work_order.updated} and the others. */
    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type) || ALL.equals(type);
    }
}
