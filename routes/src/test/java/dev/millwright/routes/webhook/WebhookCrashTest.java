package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.millwright.routes.testing.TestDatabase;

/**
 * The outbox is durable: a dispatcher process killed outright (SIGKILL) in the middle of its deliveries loses
 * nothing, even when it is the process that served the H2 database (as the embedded runtime does: its file is
 * opened with {@code WRITE_DELAY=0}, else H2 loses the commits of its last half second with the process). Another node takes over once the dead node's lease expires and delivers every event; what the dead node
 * sent but had not recorded yet is sent again with the same webhook-id, so a receiver de-duplicating on it sees
 * each event exactly once.
 */
class WebhookCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Pattern N = Pattern.compile("\"n\":(\\d+)");
    private static final int EVENTS = 400;

    @Test
    void aDispatcherKilledMidStreamLosesNothing() throws Exception {
        Path directory = Files.createTempDirectory("millwright-webhook-crash");
        Path databaseFile = directory.resolve("millwright");
        try (WebhookReceiver receiver = WebhookReceiver.start();
                WebhookFixture fixture = new WebhookFixture(WebhookFixture.FAST, TestDatabase.h2File(databaseFile))) {
            receiver.answer(n -> new WebhookReceiver.Answer(204, 3, Map.of()));
            WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
            for (int n = 0; n < EVENTS; n++) {
                fixture.publish(n);
            }

            Process node = startNode(databaseFile, directory.resolve("node.log"));
            try {
                await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 60);
            } finally {
                node.destroyForcibly();
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            int beforeTheCrash = receiver.delivered().size();
            assertThat(beforeTheCrash).isLessThan(EVENTS);

            fixture.startDispatcher();
            await().atMost(PATIENCE).until(() -> fixture.deliveries.count(subscription.id(),
                    WebhookDelivery.PENDING) == 0);

            List<WebhookReceiver.Received> delivered = receiver.delivered();
            Set<String> ids = new LinkedHashSet<>();
            List<Integer> firstReceipts = new ArrayList<>();
            for (WebhookReceiver.Received request : delivered) {
                if (ids.add(request.id())) {
                    Matcher n = N.matcher(request.text());
                    assertThat(n.find()).isTrue();
                    firstReceipts.add(Integer.parseInt(n.group(1)));
                }
            }
            assertThat(ids).hasSize(EVENTS);
            assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.DELIVERED)).isEqualTo(EVENTS);
            // every event first arrived in event order, and at most the one batch the dead node had not recorded
            // came twice
            List<Integer> inOrder = new ArrayList<>();
            for (int n = 0; n < EVENTS; n++) {
                inOrder.add(n);
            }
            assertThat(firstReceipts).isEqualTo(inOrder);
            assertThat(delivered.size() - EVENTS).isBetween(0, WebhookFixture.FAST.batchSize());
        }
    }

    private static Process startNode(Path databaseFile, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WebhookDispatcherNode.class.getName(), databaseFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
