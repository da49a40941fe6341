package dev.millwright.simulators.common;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the simulator received on its Maximo API paths, as the client sent it, so that tests can
 * assert on what a client sent.
 *
 * @param method      the HTTP method, e.g. {@code GET}
 * @param path        the raw (still encoded) path, e.g. {@code /maximo/oslc/os/mxapiwodetail}
 * @param rawQuery    the raw query string as sent, or null
 * @param queryParams the decoded query parameters in the order sent
 * @param headers     the request headers, names in lower case
 * @param body        the request body as UTF-8 text, empty when there was none
 * @param receivedAt  when the simulator received it (system time)
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> queryParams,
                              Map<String, List<String>> headers, String body, Instant receivedAt) {

    /** The first value of a query parameter, matched exactly and then case-insensitively; null when absent. */
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        if (values == null) {
            for (Map.Entry<String, List<String>> entry : queryParams.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    values = entry.getValue();
                    break;
                }
            }
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header, by case-insensitive name; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
