package dev.millwright.simulators.dynamics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Business Central's weak ETags: {@code W/"JzE5OzEyOTc0NDgwNjkxNDEzNjE4MzExOzAwOyc="}, the Base64 of
 * {@code '19;1297448069141361831;00;'} (the length of the row version, the row version, and a constant).
 */
final class Etags {
    private Etags() {
    }

    static String of(long rowVersion) {
        String digits = Long.toString(rowVersion);
        String token = "'" + digits.length() + ";" + digits + ";00;'";
        return "W/\"" + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    /**
     * Whether an If-Match value names this version: {@code *}, or the ETag with or without its {@code W/} prefix
     * and quotes.
     */
    static boolean matches(String ifMatch, long rowVersion) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return true;
        }
        return strip(value).equals(strip(of(rowVersion)));
    }

    private static String strip(String etag) {
        String value = etag;
        if (value.startsWith("W/") || value.startsWith("w/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
