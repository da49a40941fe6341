package dev.millwright.simulators.maximo;

import dev.millwright.simulators.common.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.millwright.simulators.maximo.TestHttp.enc;
import static dev.millwright.simulators.maximo.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java data access methods, the generated data, and the request log. */
class MaximoDataAccessTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private MaximoSimulator maximo;

    @BeforeEach
    void start() {
        maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(5).clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        maximo.close();
    }

    // ---- garbled values ----

    @Test
    void aGarbledValueIsServedAsGivenUntilUngarbled() {
        ObjectNode workOrder = maximo.records("MXAPIWODETAIL").get(0);
        String restId = maximo.restIdOf(workOrder);

        maximo.garble("mxapiwodetail", restId, "schedstart", "31/12/2024 8h");
        JsonNode served = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail/" + restId + "?lean=1").json();
        maximo.ungarble("MXAPIWODETAIL", restId);
        JsonNode restored = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail/" + restId + "?lean=1").json();

        assertThat(served.get("schedstart").asText()).isEqualTo("31/12/2024 8h");
        assertThat(served.get("wonum").asText()).isEqualTo(workOrder.get("wonum").asText());
        assertThat(restored.path("schedstart").asText()).isEqualTo(workOrder.path("schedstart").asText());
    }

    // ---- generated data ----

    @Test
    void theSameSeedGeneratesTheSameData() {
        MaximoSimulator a = MaximoSimulator.builder().seed(5).clock(clock).build();
        MaximoSimulator b = MaximoSimulator.builder().seed(5).clock(clock).build();

        for (String structure : a.objectStructures()) {
            assertThat(a.records(structure)).isEqualTo(b.records(structure));
        }
    }

    @Test
    void anotherSeedGeneratesOtherData() {
        MaximoSimulator a = MaximoSimulator.builder().seed(5).clock(clock).build();
        MaximoSimulator b = MaximoSimulator.builder().seed(6).clock(clock).build();

        assertThat(a.records("MXAPIWODETAIL")).isNotEqualTo(b.records("MXAPIWODETAIL"));
    }

    @Test
    void countsFollowTheBuilder() {
        MaximoSimulator sized = MaximoSimulator.builder().workOrders(7).purchaseOrders(6).inventoryItems(5)
                .vendors(4).assets(3).build();

        assertThat(List.of(sized.count("MXAPIWODETAIL"), sized.count("MXAPIPO"), sized.count("MXAPIINVENTORY"),
                sized.count("MXAPIVENDOR"), sized.count("MXAPIASSET"))).containsExactly(7, 6, 5, 4, 3);
    }

    @Test
    void workOrdersReferToAssetsOfTheirSite() {
        Set<String> assets = maximo.records("MXAPIASSET").stream()
                .map(a -> a.get("siteid").asText() + "/" + a.get("assetnum").asText()).collect(Collectors.toSet());

        assertThat(maximo.records("MXAPIWODETAIL"))
                .allSatisfy(wo -> assertThat(assets).contains(wo.get("siteid").asText() + "/" + wo.get("assetnum").asText()));
    }

    @Test
    void purchaseOrdersReferToExistingVendorsAndAddUpTheirLines() {
        Set<String> vendors = maximo.records("MXAPIVENDOR").stream().map(v -> v.get("company").asText())
                .collect(Collectors.toSet());

        assertThat(maximo.records("MXAPIPO")).allSatisfy(po -> {
            assertThat(vendors).contains(po.get("vendor").asText());
            assertThat(po.get("poline").size()).isBetween(1, 5);
            double total = 0;
            for (JsonNode line : po.get("poline")) {
                assertThat(line.get("linecost").asDouble())
                        .isCloseTo(line.get("orderqty").asDouble() * line.get("unitcost").asDouble(),
                                org.assertj.core.data.Offset.offset(0.01));
                total += line.get("linecost").asDouble();
            }
            assertThat(po.get("totalcost").asDouble()).isCloseTo(total, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    @Test
    void availableBalanceNeverExceedsCurrentBalance() {
        assertThat(maximo.records("MXAPIINVENTORY")).allSatisfy(inv ->
                assertThat(inv.get("avblbalance").asDouble()).isLessThanOrEqualTo(inv.get("curbaltotal").asDouble()));
    }

    @Test
    void changedatesSpreadOverTheHistoryDays() {
        MaximoSimulator recent = MaximoSimulator.builder().historyDays(30).workOrders(200)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        List<Instant> dates = recent.records("MXAPIWODETAIL").stream()
                .map(r -> OffsetDateTime.parse(r.get("changedate").asText()).toInstant()).toList();

        assertThat(dates).allSatisfy(d -> assertThat(d).isBetween(NOW.minus(Duration.ofDays(30)), NOW));
        assertThat(dates).anySatisfy(d -> assertThat(d).isBefore(NOW.minus(Duration.ofDays(20))));
        assertThat(dates).anySatisfy(d -> assertThat(d).isAfter(NOW.minus(Duration.ofDays(10))));
    }

    @Test
    void datesAreRenderedWithTheOffsetOfTheZone() {
        MaximoSimulator eastern = MaximoSimulator.builder().zone(ZoneId.of("America/New_York")).build();

        assertThat(eastern.records("MXAPIWODETAIL")).allSatisfy(wo ->
                assertThat(wo.get("changedate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[45]:00"));
    }

    @Test
    void datesInUtcEndWithPlusZero() {
        assertThat(maximo.records("MXAPIWODETAIL").get(0).get("reportdate").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    }

    // ---- data access ----

    @Test
    void modifyBumpsTheRowstampAndStampsTheClocksNow() {
        ObjectNode before = maximo.records("MXAPIWODETAIL").get(0);
        clock.advance(Duration.ofMinutes(5));

        ObjectNode after = maximo.modify("MXAPIWODETAIL", maximo.restIdOf(before), Map.of("status", "COMP"));

        assertThat(after.get("status").asText()).isEqualTo("COMP");
        assertThat(after.get("status_description").asText()).isEqualTo("Completed");
        assertThat(after.get("changedate").asText()).isEqualTo("2024-06-01T12:05:00+00:00");
        assertThat(Long.parseLong(after.get("_rowstamp").asText()))
                .isGreaterThan(Long.parseLong(before.get("_rowstamp").asText()));
    }

    @Test
    void modifyKeepsAGivenChangedate() {
        String restId = maximo.restIdOf(maximo.records("MXAPIWODETAIL").get(1));

        ObjectNode after = maximo.modify("MXAPIWODETAIL", restId,
                Map.of("changedate", Instant.parse("2020-01-01T00:00:00Z"), "wopriority", 5));

        assertThat(after.get("changedate").asText()).isEqualTo("2020-01-01T00:00:00+00:00");
        assertThat(after.get("wopriority").asInt()).isEqualTo(5);
    }

    @Test
    void modifyAllChangesEveryMatchingRecord() {
        long approved = maximo.records("MXAPIWODETAIL").stream()
                .filter(r -> r.get("status").asText().equals("APPR")).count();

        int changed = maximo.modifyAll("mxapiwodetail", r -> r.get("status").asText().equals("APPR"),
                Map.of("status", "INPRG"));

        assertThat(changed).isEqualTo((int) approved).isPositive();
        assertThat(maximo.records("MXAPIWODETAIL")).noneSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("APPR"));
    }

    @Test
    void insertedRecordIsServedOverHttp() {
        ObjectNode inserted = maximo.insert("MXAPIASSET", Map.of("siteid", "BEDFORD", "assetnum", "PUMP-9",
                "description", "Spare pump"));

        JsonNode served = get(inserted.get("href").asText()).json();

        assertThat(served.get("description").asText()).isEqualTo("Spare pump");
        assertThat(served.get("status").asText()).isEqualTo("NOT READY");
        assertThat(maximo.count("MXAPIASSET")).isEqualTo(51);
    }

    @Test
    void insertRejectsAnUnknownAttribute() {
        assertThatThrownBy(() -> maximo.insert("MXAPIASSET", Map.of("siteid", "BEDFORD", "assetnum", "X", "size", 3)))
                .isInstanceOf(MaximoException.class)
                .hasMessageContaining("size")
                .satisfies(e -> assertThat(((MaximoException) e).status()).isEqualTo(400));
    }

    @Test
    void deleteRemovesTheRecordAndAnswersFalseTheSecondTime() {
        String restId = maximo.restIdOf(maximo.records("MXAPIVENDOR").get(0));

        assertThat(maximo.delete("MXAPIVENDOR", restId)).isTrue();
        assertThat(maximo.delete("MXAPIVENDOR", restId)).isFalse();
        assertThat(maximo.record("MXAPIVENDOR", restId)).isNull();
        assertThat(maximo.count("MXAPIVENDOR")).isEqualTo(49);
    }

    @Test
    void restIdOfWorksFromKeyAttributesWithoutHref() {
        ObjectNode record = maximo.records("MXAPIWODETAIL").get(2);
        String expected = maximo.restIdOf(record);
        record.remove("href");

        assertThat(maximo.restIdOf(record)).isEqualTo(expected);
    }

    @Test
    void restIdsAreBase64OfTheKeysWithDashPadding() {
        assertThat(MaximoSimulator.restId("BEDFORD", "1000")).isEqualTo("_QkVERk9SRC8xMDAw");
        assertThat(MaximoSimulator.restId("A6002", "FLEET")).isEqualTo("_QTYwMDIvRkxFRVQ-");
    }

    @Test
    void memberAcceptsRestIdWithEqualsPaddingOrNone() {
        ObjectNode asset = maximo.records("MXAPIASSET").get(0);
        String restId = maximo.restIdOf(asset);
        String stripped = restId.replace("-", "");
        String base = maximo.baseUrl() + "/oslc/os/mxapiasset/";

        assertThat(get(base + stripped).status()).isEqualTo(200);
        assertThat(get(base + stripped + enc("==")).status()).isEqualTo(200);
    }

    @Test
    void requestLogRecordsWhatTheClientSent() {
        TestHttp.getWith(maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.where=" + enc("status=\"APPR\"")
                + "&oslc.orderBy=" + enc("+wonum"), "apikey", TestHttp.API_KEY, "x-client", "millwright");

        RecordedRequest request = maximo.requestLog().get(maximo.requestLog().size() - 1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/maximo/oslc/os/mxapiwodetail");
        assertThat(request.rawQuery()).contains("oslc.orderBy=%2Bwonum");
        assertThat(request.queryParam("oslc.where")).isEqualTo("status=\"APPR\"");
        assertThat(request.queryParam("oslc.orderBy")).isEqualTo("+wonum");
        assertThat(request.header("X-Client")).isEqualTo("millwright");
        assertThat(request.header("apikey")).isEqualTo(TestHttp.API_KEY);
    }

    @Test
    void requestCountCountsOnlyApiRequests() {
        long before = maximo.requestCount();

        get(maximo.baseUrl() + "/oslc/os/mxapiasset?lean=1");
        TestHttp.getWith(maximo.baseUrl().replace("/maximo", "/_sim/stats"));

        assertThat(maximo.requestCount()).isEqualTo(before + 1);
    }
}
