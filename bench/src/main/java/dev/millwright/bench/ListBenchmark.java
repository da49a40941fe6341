package dev.millwright.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import dev.millwright.routes.store.JdbcCanonicalStore;

/**
 * List benchmark: pages/s and records/s of {@code GET /work-orders?page_size=1000} over N stored work orders
 * (default 1,000,000), following next_cursor to the end, beside the floor: the same keyset query done directly over
 * JDBC on the same database, in the same run.
 *
 * <pre>java -jar bench/target/millwright-bench.jar list [--records 1000000] [--runtime runtime/target/quarkus-app/quarkus-run.jar]</pre>
 */
public final class ListBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = SyncBenchmark.intArg(args, "--records", 1_000_000);
        Path runtimeJar = Path.of(SyncBenchmark.stringArg(args, "--runtime", "runtime/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(runtimeJar)) {
            throw new IllegalArgumentException(runtimeJar + " is missing: build first (mvn -B -DskipTests package)");
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "millwright-list-bench");
        delete(directory);
        Files.createDirectories(directory);
        String jdbcUrl = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("millwright") + ";DB_CLOSE_DELAY=-1";
        Path log = directory.resolve("runtime.log");
        System.out.printf("Millwright list benchmark: %,d work orders, page_size %d, H2 file database, %d cores%n",
                records, PAGE, Runtime.getRuntime().availableProcessors());

        // the runtime creates the schema and a connection, then stops so the bench can fill the store
        String connectionId;
        String token;
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, jdbcUrl, log)) {
            JsonNode created = post(runtime.baseUrl() + "/connections", "{\"system\":\"maximo\",\"name\":\"bench\","
                    + "\"settings\":{\"baseUrl\":\"http://127.0.0.1:9/maximo\",\"apiKey\":\"unused\"}}");
            connectionId = created.get("id").asText();
            token = created.get("token").asText();
        }
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(jdbcUrl);
        fill(database, connectionId, records);

        long start = System.nanoTime();
        int[] floor = floor(database, connectionId);
        double floorSeconds = (System.nanoTime() - start) / 1e9;
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");  // frees the file for the runtime
        }

        int[] api;
        double apiSeconds;
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, jdbcUrl, log)) {
            list(runtime.baseUrl(), token, 20);  // warm up the runtime's JIT on a few pages
            start = System.nanoTime();
            api = list(runtime.baseUrl(), token, Integer.MAX_VALUE);
            apiSeconds = (System.nanoTime() - start) / 1e9;
        }
        if (api[1] != records || floor[1] != records) {
            throw new IllegalStateException("expected " + records + " records, the floor read " + floor[1]
                    + " and the API " + api[1]);
        }
        System.out.printf("%-34s %8s %12s %9s %9s %12s%n", "", "pages", "records", "seconds", "pages/s", "records/s");
        System.out.printf("%-34s %8d %,12d %9.1f %9.1f %,12.0f%n", "floor (the keyset query over JDBC)", floor[0],
                floor[1], floorSeconds, floor[0] / floorSeconds, floor[1] / floorSeconds);
        System.out.printf("%-34s %8d %,12d %9.1f %9.1f %,12.0f%n", "millwright (GET /work-orders)", api[0], api[1],
                apiSeconds, api[0] / apiSeconds, api[1] / apiSeconds);
        System.out.printf("ratio millwright / floor: %.2f%n", (api[1] / apiSeconds) / (floor[1] / floorSeconds));
    }

    private static void fill(JdbcDataSource database, String connectionId, int records) {
        JdbcCanonicalStore store = new JdbcCanonicalStore(database);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<CanonicalRecord> batch = new ArrayList<>(PAGE);
        for (int i = 0; i < records; i++) {
            String remoteId = "WO-" + i;
            Instant modified = base.plusSeconds(i * 7L);
            batch.add(new WorkOrder(CanonicalIds.stableId(connectionId, "work_order", remoteId), remoteId,
                    connectionId, "work_order", modified.minusSeconds(86_400), modified, Integer.toString(i), false,
                    Map.of(), null, Integer.toString(100_000 + i), "Inspect pump " + i,
                    "Check seals, bearings and vibration", WorkOrderStatus.values()[i % WorkOrderStatus.values().length],
                    Integer.toString(1 + i % 5), "PM", "ASSET-" + (i % 5000), "PLANT-" + (i % 40), "BEDFORD",
                    "WILSON", modified, modified.plusSeconds(7200), null, null, modified.plusSeconds(86_400), null));
            if (batch.size() == PAGE) {
                store.write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.write(batch);
        }
    }

    /** The data endpoint's own query, page by page over JDBC: answers {pages, records}. */
    private static int[] floor(JdbcDataSource database, String connectionId) throws Exception {
        int pages = 0;
        int total = 0;
        UUID after = null;
        try (Connection connection = database.getConnection()) {
            while (true) {
                String sql = "SELECT id, remote_id, remote_version, deleted, record FROM mw_record WHERE"
                        + " connection_id = ? AND entity = ?" + (after == null ? "" : " AND id > ?")
                        + " AND deleted = FALSE ORDER BY connection_id, entity, id LIMIT ?";
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    int index = 1;
                    select.setString(index++, connectionId);
                    select.setString(index++, "work_order");
                    if (after != null) {
                        select.setObject(index++, after);
                    }
                    select.setInt(index, PAGE + 1);
                    int rows = 0;
                    UUID last = null;
                    boolean more = false;
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            if (rows == PAGE) {
                                more = true;
                                break;
                            }
                            last = row.getObject(1, UUID.class);
                            row.getString(5);
                            rows++;
                        }
                    }
                    pages++;
                    total += rows;
                    if (!more) {
                        return new int[] {pages, total};
                    }
                    after = last;
                }
            }
        }
    }

    /** Follows next_cursor from the first page: answers {pages, records}. */
    private static int[] list(String baseUrl, String token, int maxPages) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cursor = null;
        int pages = 0;
        int total = 0;
        do {
            String url = baseUrl + "/work-orders?page_size=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET /work-orders answered " + response.statusCode());
            }
            JsonNode page = JSON.readTree(response.body());
            total += page.get("results").size();
            pages++;
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null && pages < maxPages);
        return new int[] {pages, total};
    }

    private static JsonNode post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + RuntimeProcess.ADMIN_KEY).header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
