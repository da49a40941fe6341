package dev.millwright.core.paging;

/** Fetches one page: the first when {@code next} is null, otherwise the page that {@code next} designates. */
@FunctionalInterface
public interface PageFetcher<T> {

    Page<T> fetch(String next);
}
