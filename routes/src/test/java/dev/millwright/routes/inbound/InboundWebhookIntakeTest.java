package dev.millwright.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.routes.testing.TestDatabase;
import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.routes.webhook.WebhookSignature;

/** The intake: what is verified and stored, what is refused with nothing stored. */
class InboundWebhookIntakeTest {

    private static final String CONNECTION = "plant-7";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final byte[] BODY = "{\"entity\":\"work_order\",\"remote_id\":\"_QkVERk9SRC8xMDAw\",\"version\":\"7\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final String secret = WebhookSecrets.generate();
    private TestDatabase database;
    private InboundWebhookIntake intake;

    @BeforeEach
    void start() {
        database = createDatabase();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        intake = new InboundWebhookIntake(new JdbcInbox(database.dataSource(), clock),
                connection -> CONNECTION.equals(connection) ? Optional.of(secret) : Optional.empty(),
                new InboundSettings(Duration.ofMinutes(5), 1024, Duration.ofMillis(100), 50, Duration.ofMinutes(1)),
                clock);
    }

    @AfterEach
    void stop() throws Exception {
        database.close();
    }

    private String sign(String id, long timestamp, byte[] body) {
        return WebhookSignature.header(List.of(secret), id, timestamp, body);
    }

    /** The database the test runs on; the PostgreSQL variant overrides it. */
    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @Test
    void aCorrectlySignedNotificationIsStoredWithItsRawPayload() throws Exception {
        long ts = NOW.getEpochSecond();

        JdbcInbox.Stored stored = intake.receive(CONNECTION, "msg_1", Long.toString(ts), sign("msg_1", ts, BODY), BODY);

        assertThat(stored).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(rows()).containsExactly(Map.of("webhook_id", "msg_1", "payload", new String(BODY,
                StandardCharsets.UTF_8), "state", "pending"));
    }

    @Test
    void aSignatureMadeIndependentlyOfOurSignerIsAccepted() throws Exception {
        long ts = NOW.getEpochSecond() - 60;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(("msg_x." + ts + "."
                + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        // a rotation in progress on the sender's side: an unknown signature beside the valid one
        intake.receive(CONNECTION, "msg_x", Long.toString(ts), "v1,bm90IGl0 " + signature, BODY);

        assertThat(rows()).hasSize(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() throws Exception {
        long ts = NOW.getEpochSecond();
        String forged = WebhookSignature.header(List.of(WebhookSecrets.generate()), "msg_2", ts, BODY);

        assertThatThrownBy(() -> intake.receive(CONNECTION, "msg_2", Long.toString(ts), forged, BODY))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo(InboundRejectedException.SIGNATURE_INVALID);
                });
        assertThat(rows()).isEmpty();
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        long ts = NOW.getEpochSecond();
        String signature = sign("msg_3", ts, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"7\"", "\"8\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> intake.receive(CONNECTION, "msg_3", Long.toString(ts), signature, tampered))
                .isInstanceOf(InboundRejectedException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void anUnknownConnectionIsRefusedLikeABadSignature() throws Exception {
        long ts = NOW.getEpochSecond();

        assertThatThrownBy(() -> intake.receive("nobody", "msg_4", Long.toString(ts), sign("msg_4", ts, BODY), BODY))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(rows()).isEmpty();
    }

    @Test
    void aTimestampOutsideTheToleranceIsRefusedEvenWhenSigned() throws Exception {
        long stale = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();

        for (long ts : new long[] {stale, future}) {
            assertThatThrownBy(() -> intake.receive(CONNECTION, "msg_5", Long.toString(ts), sign("msg_5", ts, BODY),
                    BODY)).isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo(InboundRejectedException.TIMESTAMP_OUT_OF_TOLERANCE);
                    });
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void aTimestampWithinTheToleranceIsAccepted() throws Exception {
        long ts = NOW.minus(Duration.ofMinutes(4)).getEpochSecond();

        intake.receive(CONNECTION, "msg_6", Long.toString(ts), sign("msg_6", ts, BODY), BODY);

        assertThat(rows()).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        long ts = NOW.getEpochSecond();
        byte[] big = new byte[1025];

        assertThatThrownBy(() -> intake.receive(CONNECTION, "msg_7", Long.toString(ts), sign("msg_7", ts, big), big))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo(InboundRejectedException.PAYLOAD_TOO_LARGE);
                });
        assertThat(rows()).isEmpty();
    }

    @Test
    void missingHeadersAreRefused() throws Exception {
        assertThatThrownBy(() -> intake.receive(CONNECTION, null, "1", "v1,x", BODY))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> intake.receive(CONNECTION, "msg_8", "yesterday", "v1,x", BODY))
                .isInstanceOf(InboundRejectedException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void aDuplicateWebhookIdIsAcknowledgedAndStoredOnce() throws Exception {
        long ts = NOW.getEpochSecond();
        String signature = sign("msg_9", ts, BODY);

        JdbcInbox.Stored first = intake.receive(CONNECTION, "msg_9", Long.toString(ts), signature, BODY);
        JdbcInbox.Stored second = intake.receive(CONNECTION, "msg_9", Long.toString(ts), signature, BODY);
        long later = ts + 30;
        JdbcInbox.Stored retried = intake.receive(CONNECTION, "msg_9", Long.toString(later),
                sign("msg_9", later, BODY), BODY);

        assertThat(first).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(second).isEqualTo(JdbcInbox.Stored.DUPLICATE);
        assertThat(retried).isEqualTo(JdbcInbox.Stored.DUPLICATE);
        assertThat(rows()).hasSize(1);
    }

    private List<Map<String, String>> rows() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT webhook_id, payload, state FROM mw_inbox ORDER BY id")) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (row.next()) {
                rows.add(Map.of("webhook_id", row.getString(1), "payload", row.getString(2), "state",
                        row.getString(3)));
            }
            return rows;
        }
    }
}
