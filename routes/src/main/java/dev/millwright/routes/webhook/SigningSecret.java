package dev.millwright.routes.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One signing secret of a subscription: the current one never expires; after a rotation the previous one keeps
 * signing until {@code expiresAt}, so receivers can switch without losing a delivery.
 */
public record SigningSecret(String secret, @JsonProperty("expires_at") Instant expiresAt) {

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        // secrets are never printed
        return "SigningSecret[expiresAt=" + expiresAt + "]";
    }
}
