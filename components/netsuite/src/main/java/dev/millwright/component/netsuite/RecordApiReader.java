package dev.millwright.component.netsuite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageIterator;

/**
 * Reads changes through the record API, for roles without SuiteQL access or record types SuiteQL does not expose:
 * {@code GET /record/v1/<type>?q=<modified field> ON_OR_AFTER "<date>"&limit=&offset=} lists the ids of the changed
 * records (in id order, not modified order), then each record is read with {@code expandSubResources=true}. The
 * {@code q} date has the user's format (minutes by default), so a read starts at the minute of its start and the
 * cursor skips what it already committed. A record deleted between the list and its read is left out.
 */
final class RecordApiReader {

    private static final int MAX_PAGE = 1000;

    private final NetSuiteHttp http;
    private final NetSuiteResources resources;
    private final String recordType;
    private final String modifiedField;
    private final NetSuiteDates dates;
    private final NetSuiteClient client;

    RecordApiReader(NetSuiteHttp http, NetSuiteResources resources, String recordType, String modifiedField,
                    NetSuiteDates dates, NetSuiteClient client) {
        this.http = http;
        this.resources = resources;
        this.recordType = recordType;
        this.modifiedField = modifiedField;
        this.dates = dates;
        this.client = client;
    }

    Iterator<ObjectNode> read(Instant from, int pageSize, ErrorContext context) {
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE));
        String q = modifiedField + " ON_OR_AFTER \"" + dates.queryLiteral(from) + "\"";
        URI first = resources.records(recordType, "q=" + NetSuiteResources.encode(q) + "&limit=" + limit + "&offset=0");
        return new PageIterator<>(next -> page(next == null ? first : resources.follow(next), context));
    }

    private Page<ObjectNode> page(URI uri, ErrorContext context) {
        JsonNode page = NetSuiteResources.object(http.send("GET", uri, () -> HttpRequest.newBuilder(uri)
                .header("Accept", "application/json").GET(), true, context),
                "the collection page " + NetSuiteResources.describe(uri), context);
        JsonNode items = page.get("items");
        if (items == null || !items.isArray()) {
            throw new MalformedResponseException("the collection page " + NetSuiteResources.describe(uri)
                    + " has no items array", context, null);
        }
        List<ObjectNode> records = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String id = item.path("id").asText(null);
            if (id == null) {
                throw new MalformedResponseException("the collection page " + NetSuiteResources.describe(uri)
                        + " lists an item without an id", context, null);
            }
            try {
                records.add(client.get(id, context.withRemoteId(id)));
            } catch (NotFoundException deletedMeanwhile) {
                // deleted since the list was read: nothing to emit
            }
        }
        String next = page.path("hasMore").asBoolean(false) ? NetSuiteResources.link(page, "next") : null;
        return new Page<>(records, next);
    }
}
