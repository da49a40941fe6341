package dev.millwright.core.paging;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A lazy iterator over the items of every page: a page is fetched only when the previous one is used up, and
 * only one page is held at a time, so memory stays bounded whatever the size of the data set.
 */
public final class PageIterator<T> implements Iterator<T> {

    private final PageFetcher<T> fetcher;
    private List<T> items = List.of();
    private int position;
    private String next;
    private boolean started;
    private int pagesFetched;

    public PageIterator(PageFetcher<T> fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public boolean hasNext() {
        while (position >= items.size()) {
            if (started && next == null) {
                return false;
            }
            Page<T> page = fetcher.fetch(next);
            started = true;
            pagesFetched++;
            String following = page.next();
            if (following != null && following.equals(next)) {
                throw new IllegalStateException("the source returned the same next page twice: " + following);
            }
            items = page.items();
            position = 0;
            next = following;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return items.get(position++);
    }

    /** How many pages were fetched so far. */
    public int pagesFetched() {
        return pagesFetched;
    }
}
