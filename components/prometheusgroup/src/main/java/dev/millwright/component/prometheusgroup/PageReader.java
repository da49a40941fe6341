package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.component.prometheusgroup.profile.PagingProfile;
import dev.millwright.component.prometheusgroup.profile.TimeFormat;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceResponse;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageFetcher;
import dev.millwright.core.paging.PageIterator;

/**
 * The paging engine of REST profiles: reads a collection page by page, lazily, in any of the three styles (next
 * link, offset/limit, continuation token), holding one page at a time. Which style, and where pages keep their
 * records, links, tokens, totals and has-more flags, is the profile's {@link PagingProfile}.
 */
final class PageReader {

    /** Sends one GET (with the connection's credentials, retries and error decoding). */
    @FunctionalInterface
    interface Transport {
        SourceResponse get(URI uri, Map<String, String> headers, ErrorContext context);
    }

    /**
     * Re-anchoring of offset paging on the change filter: {@code parameter} takes the last change time read, in
     * {@code format}; {@code identity} reads the change time of records.
     */
    record Reanchor(String parameter, TimeFormat format, RecordIdentity identity) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String collection;
    private final String baseUrl;
    private final JsonPointer records;
    private final PagingProfile paging;
    private final Transport transport;

    PageReader(String collection, String baseUrl, JsonPointer records, PagingProfile paging, Transport transport) {
        this.collection = collection;
        this.baseUrl = baseUrl;
        this.records = records;
        this.paging = paging;
        this.transport = transport;
    }

    /**
     * The records of every page of {@code path?parameters}, fetched as they are used.
     *
     * @param reanchor null unless offset paging re-anchors on the change filter
     */
    Iterator<ObjectNode> read(String path, Map<String, String> parameters, int pageSize, Reanchor reanchor,
            ErrorContext context) {
        PageFetcher<ObjectNode> fetcher;
        if (paging instanceof PagingProfile.NextLink link) {
            fetcher = new NextLinkPages(link, path, parameters, pageSize, context);
        } else if (paging instanceof PagingProfile.Offset offset) {
            fetcher = new OffsetPages(offset, path, parameters, pageSize, reanchor, context);
        } else {
            fetcher = new TokenPages((PagingProfile.ContinuationToken) paging, path, parameters, pageSize, context);
        }
        return new PageIterator<>(fetcher);
    }

    URI uri(String path, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(baseUrl).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (name != null && value != null) {
            all.put(name, value);
        }
        return all;
    }

    /** A fetched page: the page document and its records. */
    private record Fetched(JsonNode page, List<ObjectNode> records) {
    }

    private Fetched fetch(URI uri, Map<String, String> headers, ErrorContext context) {
        SourceResponse response = transport.get(uri, headers, context);
        JsonNode page;
        try {
            page = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the " + collection + " page " + describe(uri) + " is not valid JSON: "
                    + e.getMessage(), context, e);
        }
        JsonNode array = page == null ? null : page.at(records);
        if (array == null || !array.isArray()) {
            throw new MalformedResponseException("the " + collection + " page " + describe(uri) + " has no record"
                    + " array at " + records, context, null);
        }
        List<ObjectNode> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!(item instanceof ObjectNode record)) {
                throw new MalformedResponseException("the " + collection + " page " + describe(uri)
                        + " holds a record that is not an object: " + item, context, null);
            }
            items.add(record);
        }
        return new Fetched(page, items);
    }

    private static String text(JsonNode page, JsonPointer pointer) {
        JsonNode value = pointer == null ? null : page.at(pointer);
        return value == null || value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null
                : value.asText();
    }

    private static String describe(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Follows the link each page gives to the next, resolved against the page's own URL. */
    private final class NextLinkPages implements PageFetcher<ObjectNode> {
        private final PagingProfile.NextLink link;
        private final URI first;
        private final ErrorContext context;
        private URI current;

        NextLinkPages(PagingProfile.NextLink link, String path, Map<String, String> parameters, int pageSize,
                ErrorContext context) {
            this.link = link;
            this.first = uri(path, with(parameters, link.pageSizeParameter(), Integer.toString(pageSize)));
            this.context = context;
        }

        @Override
        public Page<ObjectNode> fetch(String next) {
            current = next == null ? first : current.resolve(next);
            Fetched fetched = PageReader.this.fetch(current, Map.of(), context);
            return new Page<>(fetched.records(), text(fetched.page(), link.next()));
        }
    }

    /** Sends each page's token back for the next, as a parameter or a header. */
    private final class TokenPages implements PageFetcher<ObjectNode> {
        private final PagingProfile.ContinuationToken token;
        private final String path;
        private final Map<String, String> parameters;
        private final ErrorContext context;

        TokenPages(PagingProfile.ContinuationToken token, String path, Map<String, String> parameters, int pageSize,
                ErrorContext context) {
            this.token = token;
            this.path = path;
            this.parameters = with(parameters, token.pageSizeParameter(), Integer.toString(pageSize));
            this.context = context;
        }

        @Override
        public Page<ObjectNode> fetch(String next) {
            Map<String, String> query = next != null && token.tokenParameter() != null
                    ? with(parameters, token.tokenParameter(), next) : parameters;
            Map<String, String> headers = next != null && token.tokenHeader() != null
                    ? Map.of(token.tokenHeader(), next) : Map.of();
            Fetched fetched = PageReader.this.fetch(uri(path, query), headers, context);
            return new Page<>(fetched.records(), text(fetched.page(), token.token()));
        }
    }

    /**
     * Offsets and limits. The last page is the one whose has-more flag is false, or that reaches the total, or is
     * short. Re-anchored, each next page filters from the last change time read and skips only the records already
     * read at that time: a record changed meanwhile moves to the end without shifting what is left to read.
     */
    private final class OffsetPages implements PageFetcher<ObjectNode> {
        private final PagingProfile.Offset offset;
        private final String path;
        private final Map<String, String> parameters;
        private final int pageSize;
        private final Reanchor reanchor;
        private final ErrorContext context;
        private int position;
        private String anchor;
        private int readAtAnchor;

        OffsetPages(PagingProfile.Offset offset, String path, Map<String, String> parameters, int pageSize,
                Reanchor reanchor, ErrorContext context) {
            this.offset = offset;
            this.path = path;
            this.parameters = parameters;
            this.pageSize = pageSize;
            this.reanchor = reanchor;
            this.context = context;
        }

        @Override
        public Page<ObjectNode> fetch(String next) {
            Map<String, String> query = new LinkedHashMap<>(parameters);
            if (anchor != null) {
                query.put(reanchor.parameter(), anchor);
            }
            query.put(offset.offsetParameter(), Integer.toString(position));
            query.put(offset.limitParameter(), Integer.toString(pageSize));
            Fetched fetched = PageReader.this.fetch(uri(path, query), Map.of(), context);
            List<ObjectNode> items = fetched.records();
            boolean more = more(fetched.page(), items.size());
            if (reanchor == null) {
                position += items.size();
            } else {
                for (ObjectNode record : items) {
                    Instant changed = reanchor.identity().modifiedAt(record);
                    String written = changed == null ? null : reanchor.format().format(changed);
                    if (written != null && written.equals(anchor)) {
                        readAtAnchor++;
                    } else if (written != null) {
                        anchor = written;
                        readAtAnchor = 1;
                    }
                }
                position = anchor == null ? position + items.size() : readAtAnchor;
            }
            return new Page<>(items, more ? (anchor == null ? "" : anchor) + "@" + position : null);
        }

        private boolean more(JsonNode page, int count) {
            if (count == 0) {
                return false;
            }
            if (offset.hasMore() != null && !page.at(offset.hasMore()).isMissingNode()) {
                return page.at(offset.hasMore()).asBoolean();
            }
            if (offset.total() != null && page.at(offset.total()).canConvertToLong()) {
                return position + count < page.at(offset.total()).asLong();
            }
            return count >= pageSize;
        }
    }
}
