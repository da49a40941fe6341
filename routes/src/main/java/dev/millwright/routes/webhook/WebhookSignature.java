package dev.millwright.routes.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 of HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>},
 * several separated by spaces while a secret rotation overlaps. Verification compares in constant time.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header value: one {@code v1,...} signature per secret, space separated. */
    public static String header(List<String> secrets, String id, long timestamp, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add(VERSION + "," + Base64.getEncoder().encodeToString(
                    hmac(WebhookSecrets.key(secret), id, timestamp, body)));
        }
        return header.toString();
    }

    /**
     * Whether one of the header's {@code v1} signatures was made with {@code key} over this id, timestamp and body.
     * Each candidate is compared with {@link MessageDigest#isEqual}, whose time does not depend on where bytes differ.
     */
    public static boolean verify(byte[] key, String id, long timestamp, byte[] body, String signatureHeader) {
        if (signatureHeader == null || id == null) {
            return false;
        }
        byte[] expected = hmac(key, id, timestamp, body);
        boolean matched = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(id.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
