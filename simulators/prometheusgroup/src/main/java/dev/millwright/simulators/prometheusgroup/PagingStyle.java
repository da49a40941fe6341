package dev.millwright.simulators.prometheusgroup;

/**
 * How a collection resource pages, chosen per resource with
 * {@link PrometheusGroupSimulator.Builder#paging(String, PagingStyle)}. Every style orders by the {@code sort}
 * parameter and pages with a page size given as {@code limit}.
 */
public enum PagingStyle {
    /** {@code links.next} holds the absolute URL of the next page (with an opaque {@code cursor}); absent on the last. */
    NEXT_LINK,
    /** {@code offset} and {@code limit} parameters; {@code meta.total} and {@code meta.hasMore} in the answer. */
    OFFSET,
    /**
     * {@code meta.continuationToken} in the answer, sent back as the {@code X-Continuation-Token} header or the
     * {@code continuationToken} query parameter; null on the last page.
     */
    CONTINUATION_TOKEN
}
