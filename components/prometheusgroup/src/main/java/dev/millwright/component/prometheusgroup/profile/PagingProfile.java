package dev.millwright.component.prometheusgroup.profile;

import com.fasterxml.jackson.core.JsonPointer;

/** How a collection pages: one of three styles, all run by the same engine. */
public sealed interface PagingProfile {

    /**
     * Each page links the next: {@code next} points at the link (absolute or relative to the page's URL), absent or
     * null on the last page.
     */
    record NextLink(String pageSizeParameter, JsonPointer next) implements PagingProfile {
    }

    /**
     * Offset and limit parameters. The last page is known from {@code hasMore} when given, else from {@code total},
     * else from a page shorter than the limit. With {@code reanchor}, each page after the first restarts the change
     * filter at the last change time read and skips only the records read at that time, so that records changed
     * during the read do not shift the offsets into a gap.
     */
    record Offset(String offsetParameter, String limitParameter, JsonPointer total, JsonPointer hasMore,
            boolean reanchor) implements PagingProfile {
    }

    /**
     * Each page answers a token for the next, sent back as a query parameter or a header; absent, null or empty on
     * the last page.
     */
    record ContinuationToken(String pageSizeParameter, JsonPointer token, String tokenParameter, String tokenHeader)
            implements PagingProfile {
    }
}
