package dev.millwright.simulators.dynamics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a server-driven paged read starts, carried opaquely in the next link's
 * {@code $skiptoken}, as BC's key-based skip tokens are. Reads in key order resume after a sequence; reads
 * ordered by lastModifiedDateTime after a (time, sequence) pair, so that records inserted or changed meanwhile
 * neither shift nor repeat the rest; other orders resume at an offset. The page number is kept for page
 * listeners.
 *
 * @param page  the number of the page this token leads to (2 for the first next link)
 * @param mode  {@code s} sequence, {@code m} modification time, {@code o} offset
 */
record SkipToken(int page, char mode, long first, long second) {

    String encode() {
        String text = "v1:" + mode + ":" + page + ":" + first + ":" + second;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static SkipToken decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(strip(token)), StandardCharsets.UTF_8);
            String[] parts = text.split(":");
            if (parts.length != 5 || !parts[0].equals("v1") || parts[1].length() != 1
                    || "smo".indexOf(parts[1].charAt(0)) < 0) {
                throw new IllegalArgumentException(text);
            }
            return new SkipToken(Integer.parseInt(parts[2]), parts[1].charAt(0), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) {
            throw BcErrors.badRequest("The skip token '" + token + "' is not valid.");
        }
    }

    private static String strip(String token) {
        String value = token.trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
