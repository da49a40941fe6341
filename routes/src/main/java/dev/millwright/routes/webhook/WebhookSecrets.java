package dev.millwright.routes.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks secrets: {@code whsec_} followed by the base64 of the HMAC key (32 random bytes here). */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    /** A new secret, e.g. {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}. */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the base64 after {@code whsec_} (the prefix is optional, as the spec allows). */
    public static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " followed by base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        return key;
    }
}
