package dev.millwright.simulators.prometheusgroup;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position a next link's {@code cursor} or a continuation token carries: the page it leads to and the
 * key of the last row served, so that the next page resumes after it whatever changed in between (keyset paging).
 */
record PageCursor(int page, long modified, long id) {

    String encode() {
        String text = "p" + page + ":m" + modified + ":i" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    Row after() {
        return Row.probe(modified, id);
    }

    static PageCursor after(int page, Row last) {
        return new PageCursor(page, last.modified, last.id);
    }

    /** @throws ApiError 400 naming the parameter when the text is not a cursor this server made */
    static PageCursor decode(String text, String parameter) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].startsWith("p") || !parts[1].startsWith("m")
                    || !parts[2].startsWith("i")) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new PageCursor(Integer.parseInt(parts[0].substring(1)), Long.parseLong(parts[1].substring(1)),
                    Long.parseLong(parts[2].substring(1)));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidParameter(parameter, parameter + " '" + text + "' is not valid");
        }
    }
}
