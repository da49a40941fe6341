package dev.millwright.simulators.maximo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Maximo's rest ids: {@code _} followed by the Base64 of the key values joined with {@code /}. Maximo
 * writes the padding as {@code -} (e.g. {@code _QTYwMDIvRkxFRVQ-} for {@code A6002/FLEET}); decoding also
 * accepts {@code =} padding, no padding and the URL-safe alphabet, so hand-built ids work too.
 */
final class RestIds {
    private RestIds() {
    }

    static String encode(String key) {
        String base64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        return "_" + base64.replace('=', '-');
    }

    static String encode(String... keyValues) {
        return encode(String.join("/", keyValues));
    }

    /** The key behind a rest id, or null when it is not one. */
    static String decode(String restId) {
        if (restId == null || restId.length() < 2 || restId.charAt(0) != '_') {
            return null;
        }
        String body = restId.substring(1);
        int end = body.length();
        while (end > 0 && (body.charAt(end - 1) == '-' || body.charAt(end - 1) == '=')) {
            end--;
        }
        body = body.substring(0, end).replace('-', '+').replace('_', '/');
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
