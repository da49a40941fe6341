package dev.millwright.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The floor: the least work that moves the same pages into the same table, written by hand. Fetch each page over
 * HTTP, parse it with Jackson, insert its records with one JDBC batch per page. No Camel, no mapping, no cursor.
 */
final class FloorSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FloorSync() {
    }

    static long run(String baseUrl, String apiKey, int pageSize, DataSource dataSource) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String where = URLEncoder.encode("changedate>=\"1970-01-01T00:00:00+00:00\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
        URI next = URI.create(baseUrl + "/oslc/os/mxapiwodetail?lean=1&oslc.select=*&oslc.where=" + where
                + "&oslc.orderBy=%2Bchangedate&oslc.pageSize=" + pageSize + "&stablepaging=true");
        long stored = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_record (id, connection_id,"
                        + " entity, remote_id, remote_version, modified_at, deleted, record, stored_at)"
                        + " VALUES (?, 'floor', 'work_order', ?, ?, ?, FALSE, ?, ?)")) {
            connection.setAutoCommit(false);
            while (next != null) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(next).header("apikey", apiKey)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                JsonNode page = JSON.readTree(response.body());
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (JsonNode record : page.get("member")) {
                    String href = record.get("href").asText();
                    String remoteId = href.substring(href.lastIndexOf('/') + 1);
                    // the table keys records by a UUID: the least the floor can give it is one named by the remote id
                    insert.setObject(1, UUID.nameUUIDFromBytes(remoteId.getBytes(StandardCharsets.UTF_8)));
                    insert.setString(2, remoteId);
                    insert.setString(3, record.get("_rowstamp").asText());
                    insert.setObject(4, OffsetDateTime.parse(record.get("changedate").asText()));
                    insert.setString(5, record.toString());
                    insert.setObject(6, now);
                    insert.addBatch();
                    stored++;
                }
                insert.executeBatch();
                connection.commit();
                JsonNode href = page.path("responseInfo").path("nextPage").get("href");
                next = href == null ? null : URI.create(href.asText());
            }
        }
        return stored;
    }
}
