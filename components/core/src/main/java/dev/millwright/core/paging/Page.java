package dev.millwright.core.paging;

import java.util.List;

/**
 * One page of a source's answer: its items and how to ask for the next page (a next link or a continuation
 * token, as the system speaks), null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasNext() {
        return next != null;
    }
}
