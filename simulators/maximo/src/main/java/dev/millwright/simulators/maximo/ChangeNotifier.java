package dev.millwright.simulators.maximo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a signed change notification to each target whenever a record changes (a create, update or delete
 * through the API, or a change made through the simulator's Java methods), as an event-publishing Maximo setup
 * would: a POST of {@code {"entity", "object_structure", "remote_id", "version", "changedate", "event"}} signed
 * per the Standard Webhooks spec ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,...}
 * with the target's {@code whsec_} secret). Sending is asynchronous (one sender thread), with a few retries on
 * errors. Like a real sender it may {@linkplain #duplicates(double) deliver twice} and
 * {@linkplain #reorderWindow(int) out of order}; both are off by default.
 */
public final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final Map<String, String> ENTITIES = Map.of("MXAPIWODETAIL", "work_order",
            "MXAPIPO", "purchase_order", "MXAPIINVENTORY", "inventory_item", "MXAPIVENDOR", "vendor",
            "MXAPIASSET", "asset");
    private static final Object STOP = new Object();

    /** A receiver of notifications; its URL is read at each send (a receiver may learn its port late). */
    public static final class Target {
        private final Supplier<String> url;
        private final String secret;

        private Target(Supplier<String> url, String secret) {
            this.url = url;
            this.secret = secret;
        }
    }

    private record Notification(Target target, String id, byte[] body) {
    }

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Random random;
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private volatile double duplicateProbability;
    private volatile int reorderWindow = 1;
    private Thread sender;

    ChangeNotifier(ObjectMapper mapper, Clock clock, long seed) {
        this.mapper = mapper;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /**
     * Sends every change from now on to {@code url}, signed with {@code secret} ({@code whsec_} + base64 key).
     *
     * @return the target, for {@link #removeTarget}
     */
    public Target addTarget(String url, String secret) {
        Objects.requireNonNull(url);
        return addTarget(() -> url, secret);
    }

    /** Like {@link #addTarget(String, String)}, with the URL looked up at each send. */
    public synchronized Target addTarget(Supplier<String> url, String secret) {
        Target target = new Target(Objects.requireNonNull(url), Objects.requireNonNull(secret));
        key(secret);
        targets.add(target);
        if (sender == null) {
            sender = new Thread(this::sendLoop, "maximo-change-notifier");
            sender.setDaemon(true);
            sender.start();
        }
        return target;
    }

    public void removeTarget(Target target) {
        targets.remove(target);
    }

    /** The probability (0 to 1) that a notification is delivered a second time, with the same webhook-id. */
    public ChangeNotifier duplicates(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a probability is within 0 and 1: " + probability);
        }
        this.duplicateProbability = probability;
        return this;
    }

    /**
     * Reorders deliveries within a window: each send picks at random one of the next {@code window} notifications
     * (1, the default, keeps the order). Notifications never wait more than 100 ms for the window to fill.
     */
    public ChangeNotifier reorderWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the reorder window is at least 1: " + window);
        }
        this.reorderWindow = window;
        return this;
    }

    /** Deliveries answered 2xx (duplicates included). */
    public long sentCount() {
        return sent.get();
    }

    /** Deliveries given up after their retries. */
    public long failedCount() {
        return failed.get();
    }

    /** Notifications not yet delivered or given up. */
    public long pendingCount() {
        return pending.get();
    }

    /** Called by the service after each committed change. */
    void recordChanged(MaximoRecord record, String event) {
        if (targets.isEmpty()) {
            return;
        }
        ObjectNode payload = mapper.createObjectNode()
                .put("entity", ENTITIES.getOrDefault(record.structure.name(), record.structure.name().toLowerCase()))
                .put("object_structure", record.structure.name())
                .put("remote_id", record.restId())
                .put("version", Long.toString(record.rowstamp))
                .put("changedate", Instant.ofEpochSecond(record.changedate).toString())
                .put("event", event);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Target target : targets) {
            pending.incrementAndGet();
            queue.add(new Notification(target, "msg_" + UUID.randomUUID().toString().replace("-", ""), body));
        }
    }

    @Override
    public synchronized void close() {
        targets.clear();
        if (sender != null) {
            queue.add(STOP);
            sender.interrupt();
            sender = null;
        }
    }

    private void sendLoop() {
        List<Notification> window = new ArrayList<>();
        try {
            while (true) {
                Object next = queue.poll(window.isEmpty() ? 1000 : 100, TimeUnit.MILLISECONDS);
                if (next == STOP) {
                    return;
                }
                if (next != null) {
                    window.add((Notification) next);
                    if (window.size() < reorderWindow) {
                        continue;
                    }
                }
                if (!window.isEmpty()) {
                    Notification chosen = window.remove(reorderWindow <= 1 ? 0 : random.nextInt(window.size()));
                    deliver(chosen);
                    if (duplicateProbability > 0 && random.nextDouble() < duplicateProbability) {
                        // a duplicate is a second delivery of the same message (same webhook-id)
                        pending.incrementAndGet();
                        deliver(chosen);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Notification notification) throws InterruptedException {
        try {
            for (int attempt = 1; attempt <= 4; attempt++) {
                String url = notification.target().url.get();
                long timestamp = clock.instant().getEpochSecond();
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("content-type", "application/json")
                            .header("webhook-id", notification.id())
                            .header("webhook-timestamp", Long.toString(timestamp))
                            .header("webhook-signature", sign(notification.target().secret, notification.id(),
                                    timestamp, notification.body()))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body())).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() / 100 == 2) {
                        sent.incrementAndGet();
                        return;
                    }
                    if (response.statusCode() / 100 == 4 && response.statusCode() != 429) {
                        LOG.warn("Change notification {} refused by {}: {}", notification.id(), url,
                                response.statusCode());
                        break;
                    }
                } catch (IOException e) {
                    LOG.debug("Change notification {} to {} failed: {}", notification.id(), url, e.toString());
                }
                Thread.sleep(100L << attempt);
            }
            failed.incrementAndGet();
        } finally {
            pending.decrementAndGet();
        }
    }

    /** The Standard Webhooks signature: {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}. */
    static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
