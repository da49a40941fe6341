package dev.millwright.routes.inbound;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.routes.webhook.WebhookSignature;

/**
 * Receives an inbound webhook: checks the size, the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) against the connection's inbound secret in constant time,
 * the timestamp against the tolerance, then stores the raw payload in the inbox. Nothing is processed here: when
 * this returns, the notification is committed and the sender may get its 200. Anything refused is not stored.
 */
public final class InboundWebhookIntake {

    /** The inbound secret ({@code whsec_...}) of a live connection; empty for unknown or disconnected ones. */
    @FunctionalInterface
    public interface InboundSecrets {
        Optional<String> secretOf(String connectionId);
    }

    private static final byte[] DECOY_KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(DECOY_KEY);
    }

    private final JdbcInbox inbox;
    private final InboundSecrets secrets;
    private final InboundSettings settings;
    private final Clock clock;

    public InboundWebhookIntake(JdbcInbox inbox, InboundSecrets secrets, InboundSettings settings, Clock clock) {
        this.inbox = inbox;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    public InboundSettings settings() {
        return settings;
    }

    /**
     * Verifies and stores one notification.
     *
     * @return {@link JdbcInbox.Stored#DUPLICATE} when this webhook id was stored before (acknowledge it all the same)
     * @throws InboundRejectedException when it is refused; nothing was stored
     */
    public JdbcInbox.Stored receive(String connectionId, String webhookId, String timestamp, String signature,
            byte[] body) {
        if (body.length > settings.maxBodyBytes()) {
            throw tooLarge(body.length);
        }
        if (isBlank(webhookId) || isBlank(timestamp) || isBlank(signature)) {
            throw new InboundRejectedException(400, InboundRejectedException.HEADERS_INVALID,
                    "the Standard Webhooks headers webhook-id, webhook-timestamp and webhook-signature are required");
        }
        if (webhookId.length() > 200) {
            throw new InboundRejectedException(400, InboundRejectedException.HEADERS_INVALID,
                    "webhook-id is longer than 200 characters");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InboundRejectedException(400, InboundRejectedException.TIMESTAMP_OUT_OF_TOLERANCE,
                    "webhook-timestamp must be whole seconds since the epoch: '" + timestamp + "'");
        }
        Optional<String> secret = secrets.secretOf(connectionId);
        byte[] key = secret.map(WebhookSecrets::key).orElse(DECOY_KEY);
        // the signature is computed for unknown connections too, so the answer's timing does not tell them apart
        boolean valid = WebhookSignature.verify(key, webhookId, seconds, body, signature) && secret.isPresent();
        if (!valid) {
            throw new InboundRejectedException(401, InboundRejectedException.SIGNATURE_INVALID,
                    "the webhook-signature does not match the connection's inbound secret (or there is no such"
                            + " connection)");
        }
        Instant sentAt = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sentAt.isBefore(now.minus(settings.tolerance())) || sentAt.isAfter(now.plus(settings.tolerance()))) {
            throw new InboundRejectedException(401, InboundRejectedException.TIMESTAMP_OUT_OF_TOLERANCE,
                    "webhook-timestamp " + sentAt + " is more than " + settings.tolerance().toSeconds()
                            + " s away from now (" + now + "): a replay, or the sender's clock is off");
        }
        return inbox.add(connectionId, webhookId, sentAt, new String(body, StandardCharsets.UTF_8));
    }

    public InboundRejectedException tooLarge(long bytes) {
        return new InboundRejectedException(413, InboundRejectedException.PAYLOAD_TOO_LARGE, "the body has "
                + (bytes > settings.maxBodyBytes() ? "more than " : "") + settings.maxBodyBytes()
                + " bytes, the most an inbound webhook may have");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
