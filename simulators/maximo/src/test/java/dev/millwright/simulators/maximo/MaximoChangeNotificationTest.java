package dev.millwright.simulators.maximo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed change notifications: one per change, verifiable with the secret; duplicates and reordering on request. */
class MaximoChangeNotificationTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> signaturesValid = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private MaximoSimulator maximo;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                signaturesValid.add(verify(id, ts, body, signature));
                ids.add(id);
                received.add(JSON.readTree(body));
                exchange.sendResponseHeaders(200, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        receiver.start();
        maximo = MaximoSimulator.builder().workOrders(20).vendors(5).assets(5).purchaseOrders(5).inventoryItems(5)
                .build().start();
    }

    @AfterEach
    void stop() {
        maximo.close();
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private static boolean verify(String id, String ts, byte[] body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        return header.startsWith("v1,") && MessageDigest.isEqual(expected,
                Base64.getDecoder().decode(header.substring(3)));
    }

    private void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= count);
    }

    @Test
    void everyChangeIsNotifiedSignedWithTheNewVersion() throws Exception {
        maximo.changeNotifications().addTarget(url(), SECRET);
        ObjectNode workOrder = maximo.records("MXAPIWODETAIL").get(0);
        String restId = maximo.restIdOf(workOrder);

        ObjectNode changed = maximo.modify("MXAPIWODETAIL", restId, Map.of("description", "notified"));
        ObjectNode created = maximo.insert("MXAPIVENDOR", Map.of("company", "NOTIFY1", "name", "New", "orgid",
                "EAGLENA", "type", "V"));
        maximo.delete("MXAPIVENDOR", maximo.restIdOf(created));
        awaitReceived(3);

        assertThat(signaturesValid).containsExactly(true, true, true);
        assertThat(ids).doesNotHaveDuplicates();
        JsonNode update = received.get(0);
        assertThat(update.get("entity").asText()).isEqualTo("work_order");
        assertThat(update.get("object_structure").asText()).isEqualTo("MXAPIWODETAIL");
        assertThat(update.get("remote_id").asText()).isEqualTo(restId);
        assertThat(update.get("version").asText()).isEqualTo(changed.get("_rowstamp").asText());
        assertThat(update.get("event").asText()).isEqualTo("updated");
        assertThat(update.get("changedate").asText()).endsWith("Z");
        assertThat(received.get(1).get("event").asText()).isEqualTo("created");
        assertThat(received.get(1).get("entity").asText()).isEqualTo("vendor");
        assertThat(received.get(2).get("event").asText()).isEqualTo("deleted");
        assertThat(maximo.changeNotifications().sentCount()).isEqualTo(3);
    }

    @Test
    void withDuplicatesEveryNotificationArrivesTwiceWithTheSameId() throws Exception {
        maximo.changeNotifications().duplicates(1.0).addTarget(url(), SECRET);
        for (int i = 0; i < 5; i++) {
            maximo.modify("MXAPIWODETAIL", maximo.restIdOf(maximo.records("MXAPIWODETAIL").get(i)),
                    Map.of("description", "dup " + i));
        }
        awaitReceived(10);

        assertThat(ids).hasSize(10);
        assertThat(ids.stream().distinct().count()).isEqualTo(5);
        assertThat(signaturesValid).containsOnly(true);
    }

    @Test
    void withAReorderWindowEveryNotificationArrivesButNotInOrder() throws Exception {
        maximo.changeNotifications().reorderWindow(8).addTarget(url(), SECRET);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            versions.add(maximo.modify("MXAPIWODETAIL", maximo.restIdOf(maximo.records("MXAPIWODETAIL").get(i)),
                    Map.of("description", "shuffled " + i)).get("_rowstamp").asText());
        }
        awaitReceived(16);

        List<String> arrived = received.stream().map(node -> node.get("version").asText()).toList();
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(versions).isNotEqualTo(versions);
    }

    @Test
    void withoutATargetNothingIsSent() {
        maximo.modify("MXAPIWODETAIL", maximo.restIdOf(maximo.records("MXAPIWODETAIL").get(0)),
                Map.of("description", "quiet"));

        assertThat(maximo.changeNotifications().pendingCount()).isZero();
        assertThat(maximo.changeNotifications().sentCount()).isZero();
    }
}
