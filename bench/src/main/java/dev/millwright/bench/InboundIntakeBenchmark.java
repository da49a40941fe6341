package dev.millwright.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.millwright.routes.webhook.WebhookSignature;
import dev.millwright.simulators.maximo.MaximoSimulator;

/**
 * Inbound intake benchmark: signed Standard Webhooks POSTs to {@code /inbound/{connection_id}} of the real runtime
 * (its own process, a fresh H2 file database, the inbox worker running), each answered 200 only once its
 * notification is committed to the inbox; requests/s, p50 and p99 latency. The floor, in the same run, with the same
 * load generator and concurrency: a bare JDK HTTP server in this process that reads the body and answers 200.
 *
 * <pre>java -jar bench/target/millwright-bench.jar webhooks-in [--requests 20000] [--concurrency 8]
 *     [--runtime runtime/target/quarkus-app/quarkus-run.jar]</pre>
 */
public final class InboundIntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundIntakeBenchmark() {
    }

    /** What one load run measured. */
    record Result(int requests, int failures, double seconds, long p50Nanos, long p99Nanos) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** One prepared request: signed before the clock starts, so the generator measures the server. */
    record Signed(String id, String timestamp, String signature, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        int requests = SyncBenchmark.intArg(args, "--requests", 20_000);
        int concurrency = SyncBenchmark.intArg(args, "--concurrency", 8);
        Path runtimeJar = Path.of(SyncBenchmark.stringArg(args, "--runtime",
                "runtime/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(runtimeJar)) {
            throw new IllegalArgumentException(runtimeJar + " is missing: build first (mvn -B -DskipTests package)");
        }
        int warmup = Math.max(500, requests / 10);
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "millwright-inbound-bench");
        delete(directory);
        Files.createDirectories(directory);
        // every commit written at once, as the runtime's default database: stored before the 200 means stored
        String jdbcUrl = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("millwright")
                + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
        System.out.printf("Millwright inbound intake benchmark: %,d signed POSTs (+%,d warm-up), concurrency %d,"
                + " H2 file database, %d cores%n", requests, warmup, concurrency,
                Runtime.getRuntime().availableProcessors());

        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("bench-key").workOrders(1000).seed(3).build()
                .start()) {
            List<String> restIds = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            for (ObjectNode workOrder : maximo.records("MXAPIWODETAIL")) {
                restIds.add(maximo.restIdOf(workOrder));
                versions.add(workOrder.get("_rowstamp").asText());
            }

            // the floor: a bare endpoint that reads the body and answers 200
            HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            ExecutorService bareThreads = Executors.newFixedThreadPool(Math.max(4, concurrency));
            bare.setExecutor(bareThreads);
            bare.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    in.readAllBytes();
                    byte[] answer = "{\"status\":\"stored\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    out.write(answer);
                }
            });
            bare.start();
            String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
            Result floor;
            try {
                String url = "http://127.0.0.1:" + bare.getAddress().getPort() + "/inbound/bench";
                load(url, sign(secret, "floor-warm", warmup, restIds, versions), concurrency);
                floor = load(url, sign(secret, "floor", requests, restIds, versions), concurrency);
            } finally {
                bare.stop(0);
                bareThreads.shutdownNow();
            }

            Result intake;
            String connectionId;
            try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, jdbcUrl, directory.resolve("runtime.log"))) {
                JsonNode created = post(runtime.baseUrl() + "/connections", "{\"system\":\"maximo\",\"name\":\"bench\","
                        + "\"settings\":{\"baseUrl\":\"" + maximo.baseUrl() + "\",\"apiKey\":\"bench-key\","
                        + "\"initialHistory\":\"all\"}}");
                connectionId = created.get("id").asText();
                String inboundSecret = created.get("inbound_secret").asText();
                String url = runtime.baseUrl() + "/inbound/" + connectionId;
                load(url, sign(inboundSecret, "warm", warmup, restIds, versions), concurrency);
                intake = load(url, sign(inboundSecret, "run", requests, restIds, versions), concurrency);
            }
            long stored = storedRows(jdbcUrl, connectionId);

            print("floor (bare 200)", floor);
            print("intake (verify + inbox commit)", intake);
            System.out.printf("inbox rows committed: %,d of %,d answered 200 (warm-up included)%n", stored,
                    warmup + requests - intake.failures());
            System.out.printf("intake / floor: %.2f of the floor's requests/s; p50 %.1fx, p99 %.1fx the floor's%n",
                    intake.perSecond() / floor.perSecond(), (double) intake.p50Nanos() / floor.p50Nanos(),
                    (double) intake.p99Nanos() / floor.p99Nanos());
        }
    }

    private static void print(String what, Result result) {
        System.out.printf("%-32s %,9.0f requests/s  p50 %6.2f ms  p99 %6.2f ms  (%,d requests in %.2f s, %d not 200)%n",
                what, result.perSecond(), result.p50Nanos() / 1e6, result.p99Nanos() / 1e6, result.requests(),
                result.seconds(), result.failures());
    }

    private static List<Signed> sign(String secret, String prefix, int count, List<String> restIds,
            List<String> versions) {
        long ts = Instant.now().getEpochSecond();
        List<Signed> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int record = i % restIds.size();
            byte[] body = ("{\"entity\":\"work_order\",\"remote_id\":\"" + restIds.get(record) + "\",\"version\":\""
                    + versions.get(record) + "\",\"event\":\"updated\"}").getBytes(StandardCharsets.UTF_8);
            String id = "msg_" + prefix + "_" + i;
            signed.add(new Signed(id, Long.toString(ts), WebhookSignature.header(List.of(secret), id, ts, body),
                    body));
        }
        return signed;
    }

    /** Sends every request with {@code concurrency} senders, each waiting for its answer before the next. */
    private static Result load(String url, List<Signed> requests, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(url);
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < concurrency; s++) {
                running.add(senders.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests.size(); ) {
                        Signed request = requests.get(i);
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header(WebhookSignature.ID_HEADER, request.id())
                                .header(WebhookSignature.TIMESTAMP_HEADER, request.timestamp())
                                .header(WebhookSignature.SIGNATURE_HEADER, request.signature())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(requests.size(), failures.get(), seconds, latencies[latencies.length / 2],
                latencies[(int) Math.min(latencies.length - 1L, (long) Math.ceil(latencies.length * 0.99) - 1)]);
    }

    private static long storedRows(String jdbcUrl, String connectionId) throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(jdbcUrl);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM mw_inbox WHERE connection_id = '"
                        + connectionId.replace("'", "''") + "'")) {
            row.next();
            long count = row.getLong(1);
            statement.execute("SHUTDOWN");
            return count;
        }
    }

    private static JsonNode post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + RuntimeProcess.ADMIN_KEY).header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
