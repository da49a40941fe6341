package dev.millwright.routes.inbound;

import java.time.Duration;

/**
 * How inbound webhooks are received and processed.
 *
 * @param tolerance how far a {@code webhook-timestamp} may be from now, either way
 * @param maxBodyBytes the largest body accepted
 * @param pollInterval how often the inbox worker looks for new notifications
 * @param batchSize notifications claimed per batch (one sync trigger per connection and entity per batch)
 * @param claimFor how long a claimed notification belongs to its worker before another may take it over
 */
public record InboundSettings(Duration tolerance, int maxBodyBytes, Duration pollInterval, int batchSize,
        Duration claimFor) {

    public static final InboundSettings DEFAULTS = new InboundSettings(Duration.ofMinutes(5), 256 * 1024,
            Duration.ofMillis(250), 200, Duration.ofMinutes(2));

    public InboundSettings {
        if (tolerance.isNegative() || maxBodyBytes < 1 || pollInterval.toMillis() < 1 || batchSize < 1
                || claimFor.toMillis() < 1) {
            throw new IllegalArgumentException("invalid inbound settings: " + tolerance + ", " + maxBodyBytes
                    + " bytes, poll " + pollInterval + ", batch " + batchSize + ", claim " + claimFor);
        }
    }
}
