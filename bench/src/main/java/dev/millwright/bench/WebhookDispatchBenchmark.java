package dev.millwright.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.store.SecretSealer;
import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.JdbcWebhookDeliveryStore;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.WebhookDispatcher;
import dev.millwright.routes.webhook.WebhookOutbox;
import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.routes.webhook.WebhookSettings;
import dev.millwright.routes.webhook.WebhookSignature;

/**
 * Outbound webhook benchmark: deliveries/s of the dispatcher route (durable outbox in an H2 file database, leases,
 * signing, every attempt recorded) to a local receiver answering 204, beside the floor in the same run: the same
 * number of signed POSTs of the same bodies sent by a minimal loop (JDK HttpClient, the same concurrency, no Camel,
 * no outbox). Events are spread over as many subscriptions as the dispatcher has threads, each subscription
 * receiving the events of one connection in order.
 *
 * <pre>java -jar bench/target/millwright-bench.jar webhooks-out [--events 20000] [--concurrency 8]</pre>
 */
public final class WebhookDispatchBenchmark {

    private static final SecretSealer CLEAR = new SecretSealer() {
        @Override
        public String seal(String secret) {
            return secret;
        }

        @Override
        public String open(String sealed) {
            return sealed;
        }
    };

    private WebhookDispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = SyncBenchmark.intArg(args, "--events", 20_000);
        int concurrency = SyncBenchmark.intArg(args, "--concurrency", WebhookSettings.DEFAULTS.concurrency());
        WebhookSettings settings = new WebhookSettings(WebhookSettings.DEFAULTS.timeout(),
                WebhookSettings.DEFAULTS.retrySchedule(), WebhookSettings.DEFAULTS.disableAfter(), concurrency,
                WebhookSettings.DEFAULTS.batchSize(), Duration.ofMillis(100), Set.of("127.0.0.1"));
        System.out.printf("Millwright outbound webhook benchmark: %,d events, %d subscriptions, concurrency %d,"
                + " H2 file database, %d cores%n", events, concurrency, concurrency,
                Runtime.getRuntime().availableProcessors());

        try (Receiver receiver = new Receiver()) {
            DataSource dataSource = freshDatabase();
            Clock clock = Clock.systemUTC();
            JdbcWebhookSubscriptionStore subscriptions = new JdbcWebhookSubscriptionStore(dataSource, CLEAR, clock);
            JdbcWebhookDeliveryStore deliveries = new JdbcWebhookDeliveryStore(dataSource, clock);
            WebhookOutbox outbox = new WebhookOutbox(dataSource, clock, settings.retrySchedule().firstWait());
            for (int i = 0; i < concurrency; i++) {
                subscriptions.create(receiver.url(), List.of(EventTypes.SYNC_COMPLETED),
                        List.of("bench-" + i), "benchmark");
            }

            // the same bodies for the floor as the dispatcher sends, so both sign and send the same bytes
            long written = System.nanoTime();
            List<String> bodies = writeEvents(dataSource, outbox, events, concurrency);
            double writeSeconds = (System.nanoTime() - written) / 1e9;
            System.out.printf("outbox: %,d events written in %.1f s (%,.0f events/s, batches of 500 per transaction)%n",
                    events, writeSeconds, events / writeSeconds);

            floor(receiver, bodies.subList(0, Math.min(2_000, bodies.size())), concurrency); // warm-up
            receiver.reset();
            long floorStarted = System.nanoTime();
            floor(receiver, bodies, concurrency);
            double floorSeconds = (System.nanoTime() - floorStarted) / 1e9;
            check(receiver, events, "floor");
            receiver.reset();

            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new WebhookDispatcher(dataSource, subscriptions, deliveries, outbox, settings, clock)
                    .routes());
            long started = System.nanoTime();
            camel.start();
            long delivered = 0;
            while (delivered < events) {
                Thread.sleep(20);
                if (receiver.count() >= events) {
                    delivered = delivered(dataSource);
                }
            }
            double dispatcherSeconds = (System.nanoTime() - started) / 1e9;
            camel.stop();
            check(receiver, events, "dispatcher");
            long attempts = count(dataSource, "SELECT COUNT(*) FROM mw_webhook_attempt");

            double floorRate = events / floorSeconds;
            double dispatcherRate = events / dispatcherSeconds;
            System.out.printf("%-44s %12s %9s %14s%n", "", "deliveries", "seconds", "deliveries/s");
            System.out.printf("%-44s %,12d %9.1f %,14.0f%n", "floor (signed POSTs, JDK HttpClient loop)", events,
                    floorSeconds, floorRate);
            System.out.printf("%-44s %,12d %9.1f %,14.0f%n", "millwright (dispatcher route, durable outbox)",
                    events, dispatcherSeconds, dispatcherRate);
            System.out.printf("ratio millwright / floor: %.2f (attempts recorded: %,d; duplicates: none)%n",
                    dispatcherRate / floorRate, attempts);
        }
    }

    /** Writes the events through the outbox, 500 per transaction; answers their payloads in order. */
    private static List<String> writeEvents(DataSource dataSource, WebhookOutbox outbox, int events,
            int connections) {
        for (int first = 0; first < events; first += 500) {
            int from = first;
            Jdbc.inTransaction(dataSource, "write benchmark events", connection -> {
                for (int n = from; n < Math.min(from + 500, events); n++) {
                    ObjectNode data = JsonNodeFactory.instance.objectNode().put("run_id", n).put("entity",
                            "work_order").put("state", "done").put("records_read", 1000).put("records_written", 998)
                            .put("records_unchanged", 2).put("records_failed", 0)
                            .put("started_at", "2025-01-31T08:00:00Z").put("finished_at", "2025-01-31T08:00:04Z");
                    outbox.publish(connection, EventTypes.SYNC_COMPLETED, "bench-" + (n % connections), data);
                }
                return null;
            });
        }
        return Jdbc.withConnection(dataSource, "read benchmark events", connection -> {
            List<String> payloads = new ArrayList<>(events);
            try (Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("SELECT payload FROM mw_webhook_event ORDER BY seq")) {
                while (row.next()) {
                    payloads.add(row.getString(1));
                }
            }
            return payloads;
        });
    }

    /** The floor: the bodies POSTed with Standard Webhooks headers by {@code concurrency} threads, nothing else. */
    private static void floor(Receiver receiver, List<String> bodies, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String secret = WebhookSecrets.generate();
        URI url = URI.create(receiver.url());
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(threads.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
                        String id = "evt_floor_" + i;
                        long timestamp = System.currentTimeMillis() / 1000;
                        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header(WebhookSignature.ID_HEADER, id)
                                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                                .header(WebhookSignature.SIGNATURE_HEADER,
                                        WebhookSignature.header(List.of(secret), id, timestamp, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 204) {
                            throw new IllegalStateException("the receiver answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void check(Receiver receiver, int events, String who) {
        if (receiver.count() != events || receiver.distinct() != events) {
            throw new IllegalStateException(who + ": the receiver got " + receiver.count() + " requests, "
                    + receiver.distinct() + " distinct webhook ids, for " + events + " events");
        }
    }

    private static long delivered(DataSource dataSource) {
        return count(dataSource, "SELECT COUNT(*) FROM mw_webhook_delivery WHERE state = 'delivered'");
    }

    private static long count(DataSource dataSource, String sql) {
        return Jdbc.withConnection(dataSource, "count", connection -> {
            try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static DataSource freshDatabase() throws IOException {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "millwright-webhook-bench");
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        // pooled, and every commit written at once, as the runtime's data source is
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:"
                + directory.toAbsolutePath().resolve("millwright") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0", "sa", "");
        pool.setMaxConnections(32);
        Flyway.configure().dataSource(pool).locations("classpath:db/millwright").load().migrate();
        return pool;
    }

    /** The receiver: a JDK HTTP server on loopback answering 204 and counting webhook ids. */
    private static final class Receiver implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final AtomicInteger count = new AtomicInteger();
        private final Map<String, Boolean> ids = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                if (id != null) {
                    ids.put(id, Boolean.TRUE);
                }
                count.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        int count() {
            return count.get();
        }

        int distinct() {
            return ids.size();
        }

        void reset() {
            count.set(0);
            ids.clear();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
