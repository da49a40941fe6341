package dev.millwright.component.netsuite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageIterator;

/**
 * Reads changes through SuiteQL: {@code POST /services/rest/query/v1/suiteql?limit=&offset=} with
 * {@code Prefer: transient}, the records modified at or after the start ordered by modified time and id, page by
 * page along the {@code next} links. A query returns at most {@code maxQueryResults} rows (100,000), so a read that
 * reaches that many continues with a new query after the last row's (modified time, id): any number of records
 * reads in order. For each page, one more query per 500 records brings their transaction lines or their default
 * addresses, so that each record reads as the record API would show it. One page is held at a time.
 */
final class SuiteQlReader {

    /** Oracle refuses IN lists longer than 1000; a transaction page's lines come in chunks of this many. */
    private static final int CHUNK = 500;
    private static final int MAX_PAGE = 1000;

    private final NetSuiteHttp http;
    private final NetSuiteResources resources;
    private final SuiteQlProjection projection;
    private final NetSuiteDates dates;
    private final String where;
    private final int maxQueryResults;

    SuiteQlReader(NetSuiteHttp http, NetSuiteResources resources, SuiteQlProjection projection, NetSuiteDates dates,
                  String where, int maxQueryResults) {
        this.http = http;
        this.resources = resources;
        this.projection = projection;
        this.dates = dates;
        this.where = where;
        this.maxQueryResults = maxQueryResults;
    }

    /** Where a read stands: the query it runs, its number, and how many rows that query gave so far. */
    private static final class ReadState {
        String query;
        int queryNumber;
        int rowsOfQuery;
    }

    Iterator<ObjectNode> read(Instant from, int pageSize, ErrorContext context) {
        ReadState state = new ReadState();
        state.query = projection.changesSince(dates.suiteQlTimestamp(from), where);
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE));
        return new PageIterator<>(next -> page(state, next, limit, context));
    }

    /** {@code next} is null for the first page, else "query number|href of the page" (href empty: offset 0). */
    private Page<ObjectNode> page(ReadState state, String next, int limit, ErrorContext context) {
        String href = next == null ? "" : next.substring(next.indexOf('|') + 1);
        URI uri = href.isEmpty() ? resources.suiteQl(limit, 0) : resources.follow(href);
        JsonNode page = post(uri, state.query, context);
        JsonNode items = page.get("items");
        if (items == null || !items.isArray()) {
            throw new MalformedResponseException("the SuiteQL page " + NetSuiteResources.describe(uri)
                    + " of " + projection.recordType + " has no items array", context, null);
        }
        state.rowsOfQuery += items.size();
        List<ObjectNode> records = assemble(items, context);
        String nextHref = page.path("hasMore").asBoolean(false) ? NetSuiteResources.link(page, "next") : null;
        if (nextHref != null && state.rowsOfQuery + limit <= maxQueryResults) {
            return new Page<>(records, state.queryNumber + "|" + nextHref);
        }
        if (!items.isEmpty() && (nextHref != null || state.rowsOfQuery >= maxQueryResults)) {
            // the query's result cap is reached: continue after the last row
            JsonNode last = items.get(items.size() - 1);
            String lastModified = projection.modifiedText(last);
            String lastId = last.path("id").asText(null);
            if (lastModified == null || lastId == null || !lastId.chars().allMatch(Character::isDigit)) {
                throw new MalformedResponseException("the SuiteQL page " + NetSuiteResources.describe(uri) + " of "
                        + projection.recordType + " ends with a row without its modified time or id", context, null);
            }
            state.query = projection.changesAfter(lastModified, lastId, where);
            state.queryNumber++;
            state.rowsOfQuery = 0;
            return new Page<>(records, state.queryNumber + "|");
        }
        return Page.last(records);
    }

    private List<ObjectNode> assemble(JsonNode items, ErrorContext context) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Map<String, ObjectNode> byAddress = new LinkedHashMap<>();
        List<ObjectNode> records = new ArrayList<>(items.size());
        for (JsonNode row : items) {
            ObjectNode record = projection.record(row, dates, resources.baseUrl());
            records.add(record);
            byId.put(row.path("id").asText(), record);
            String addressKey = SuiteQlProjection.addressKey(row);
            if (projection.hasAddress() && addressKey != null) {
                byAddress.put(addressKey, record);
            }
        }
        if (projection.hasLines()) {
            for (List<String> chunk : chunks(byId.keySet())) {
                for (JsonNode row : rows(chunk, projection::linesQuery, context)) {
                    ObjectNode transaction = byId.get(row.path("transaction").asText());
                    if (transaction != null) {
                        projection.addLine(transaction, row, dates);
                    }
                }
            }
            records.forEach(projection::completeLines);
        }
        if (projection.hasAddress()) {
            for (List<String> chunk : chunks(byAddress.keySet())) {
                for (JsonNode row : rows(chunk, projection::addressQuery, context)) {
                    ObjectNode vendor = byAddress.get(row.path("nkey").asText());
                    if (vendor != null) {
                        projection.addAddress(vendor, row, dates);
                    }
                }
            }
        }
        return records;
    }

    /**
     * Every row a child query gives for some keys. Should the rows reach the query result cap (transactions with
     * very many lines), the keys are split in halves and asked for again, so that no row is cut off.
     */
    private List<JsonNode> rows(List<String> keys, Function<List<String>, String> query, ErrorContext context) {
        List<JsonNode> rows = new ArrayList<>();
        URI uri = resources.suiteQl(MAX_PAGE, 0);
        while (uri != null) {
            JsonNode page = post(uri, query.apply(keys), context);
            page.path("items").forEach(rows::add);
            String next = page.path("hasMore").asBoolean(false) ? NetSuiteResources.link(page, "next") : null;
            uri = next == null || rows.size() >= maxQueryResults ? null : resources.follow(next);
        }
        if (rows.size() >= maxQueryResults && keys.size() > 1) {
            List<JsonNode> split = new ArrayList<>(rows(keys.subList(0, keys.size() / 2), query, context));
            split.addAll(rows(keys.subList(keys.size() / 2, keys.size()), query, context));
            return split;
        }
        return rows;
    }

    private JsonNode post(URI uri, String query, ErrorContext context) {
        String body = "{\"q\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(query) + "}";
        return NetSuiteResources.object(http.send("POST", uri, () -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Prefer", "transient")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true, context),
                "the SuiteQL page " + NetSuiteResources.describe(uri) + " of " + projection.recordType, context);
    }

    private static List<List<String>> chunks(Iterable<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String id : ids) {
            if (!id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
                continue;
            }
            chunk.add(id);
            if (chunk.size() == CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
