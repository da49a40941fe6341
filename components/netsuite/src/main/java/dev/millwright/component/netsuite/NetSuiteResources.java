package dev.millwright.component.netsuite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceResponse;

/** The URLs of one account's REST web services, and reading their JSON answers. */
final class NetSuiteResources {

    static final String RECORD_PATH = "/services/rest/record/v1/";
    static final String SUITEQL_PATH = "/services/rest/query/v1/suiteql";
    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    NetSuiteResources(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(trimmed);
    }

    /** The REST domain of an account id: {@code 1234567_SB1} is {@code https://1234567-sb1.suitetalk.api.netsuite.com}. */
    static String domainOf(String accountId) {
        return "https://" + accountId.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + ".suitetalk.api.netsuite.com";
    }

    String baseUrl() {
        return base.toString();
    }

    URI tokenUrl() {
        return URI.create(base + TOKEN_PATH);
    }

    URI suiteQl(int limit, int offset) {
        return URI.create(base + SUITEQL_PATH + "?limit=" + limit + "&offset=" + offset);
    }

    URI records(String recordType, String query) {
        return URI.create(base + RECORD_PATH + recordType + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    URI record(String recordType, String id, String query) {
        return URI.create(base + RECORD_PATH + recordType + "/" + id + (query == null ? "" : "?" + query));
    }

    /**
     * Follows a link of an answer: its path and query against this base, since NetSuite (or a proxy in front of it)
     * may name another host than the one the client called.
     */
    URI follow(String href) {
        URI link = URI.create(href);
        return URI.create(base + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The JSON object of an answer, or a MalformedResponseException naming what was asked. */
    static ObjectNode object(SourceResponse response, String what, ErrorContext context) {
        JsonNode node;
        try {
            node = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("NetSuite answered " + what + " with invalid JSON: " + e.getMessage(),
                    context, e);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedResponseException("NetSuite answered " + what + " with something other than a JSON object",
                context, null);
    }

    /** The href of a page's link with this rel, or null. */
    static String link(JsonNode page, String rel) {
        for (JsonNode link : page.path("links")) {
            if (rel.equals(link.path("rel").asText())) {
                return link.path("href").asText(null);
            }
        }
        return null;
    }

    static String describe(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
