package dev.millwright.routes.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription: where events go, which event types and connections it chose ({@code connectionIds} null
 * for every connection), its signing secrets, and whether it is active or was disabled (and why).
 */
public record WebhookSubscription(
        String id,
        String url,
        String description,
        List<String> eventTypes,
        List<String> connectionIds,
        List<SigningSecret> secrets,
        String state,
        String disabledReason,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        Instant disabledAt) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    public WebhookSubscription {
        eventTypes = List.copyOf(eventTypes);
        connectionIds = connectionIds == null ? null : List.copyOf(connectionIds);
        secrets = List.copyOf(secrets);
    }

    public boolean active() {
        return ACTIVE.equals(state);
    }

    /** Whether an event of this type, about this connection (null: about none), goes to this subscription. */
    public boolean accepts(String type, String connectionId) {
        return accepts(eventTypes, connectionIds, type, connectionId);
    }

    static boolean accepts(List<String> eventTypes, List<String> connectionIds, String type, String connectionId) {
        boolean typeChosen = eventTypes.contains(EventTypes.ALL) || eventTypes.contains(type);
        boolean connectionChosen = connectionIds == null || connectionId == null || connectionIds.contains(connectionId);
        return typeChosen && connectionChosen;
    }

    /** The secrets that sign now: the current one, and the previous ones until their overlap ends. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.validAt(now)).map(SigningSecret::secret).toList();
    }

    @Override
    public String toString() {
        // secrets are never printed
        return "WebhookSubscription[id=" + id + ", url=" + url + ", state=" + state + "]";
    }
}
