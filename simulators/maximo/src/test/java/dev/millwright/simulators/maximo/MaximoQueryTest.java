package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static dev.millwright.simulators.maximo.TestHttp.enc;
import static dev.millwright.simulators.maximo.TestHttp.fieldNames;
import static dev.millwright.simulators.maximo.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** oslc.where, oslc.select and oslc.orderBy over real HTTP, checked against the simulator's own records. */
class MaximoQueryTest {
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private static MaximoSimulator maximo;
    private static List<ObjectNode> workOrders;

    @BeforeAll
    static void start() {
        maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(7).workOrders(300)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        workOrders = maximo.records("MXAPIWODETAIL");
    }

    @AfterAll
    static void stop() {
        maximo.close();
    }

    // ---- oslc.where ----

    @Test
    void stringEqualityMatchesExactly() {
        assertThat(wonumsWhere("status=\"APPR\"")).isEqualTo(expected(r -> text(r, "status").equals("APPR")))
                .isNotEmpty();
    }

    @Test
    void stringEqualityIsCaseSensitive() {
        assertThat(wonumsWhere("status=\"appr\"")).isEmpty();
    }

    @Test
    void notEqualExcludesTheValue() {
        assertThat(wonumsWhere("status!=\"CLOSE\"")).isEqualTo(expected(r -> !text(r, "status").equals("CLOSE")));
    }

    @Test
    void greaterThanComparesNumbers() {
        assertThat(wonumsWhere("wopriority>3")).isEqualTo(expected(r -> r.get("wopriority").asInt() > 3)).isNotEmpty();
    }

    @Test
    void greaterOrEqualComparesNumbers() {
        assertThat(wonumsWhere("wopriority>=3")).isEqualTo(expected(r -> r.get("wopriority").asInt() >= 3));
    }

    @Test
    void lessThanComparesNumbers() {
        assertThat(wonumsWhere("wopriority<2")).isEqualTo(expected(r -> r.get("wopriority").asInt() < 2)).isNotEmpty();
    }

    @Test
    void lessOrEqualComparesNumbers() {
        assertThat(wonumsWhere("wopriority<=2")).isEqualTo(expected(r -> r.get("wopriority").asInt() <= 2));
    }

    @Test
    void inMatchesAnyListedValue() {
        assertThat(wonumsWhere("status in [\"APPR\",\"INPRG\"]"))
                .isEqualTo(expected(r -> Set.of("APPR", "INPRG").contains(text(r, "status"))));
    }

    @Test
    void starMeansHasAValue() {
        Set<String> started = wonumsWhere("actstart=\"*\"");

        assertThat(started).isEqualTo(expected(r -> r.has("actstart"))).isNotEmpty().hasSizeLessThan(workOrders.size());
    }

    @Test
    void notStarMeansHasNoValue() {
        assertThat(wonumsWhere("actstart!=\"*\"")).isEqualTo(expected(r -> !r.has("actstart")));
    }

    @Test
    void andJoinsClausesInAnyCase() {
        assertThat(wonumsWhere("status=\"APPR\" AND wopriority>=2 and worktype=\"PM\""))
                .isEqualTo(expected(r -> text(r, "status").equals("APPR") && r.get("wopriority").asInt() >= 2
                        && text(r, "worktype").equals("PM")));
    }

    @Test
    void dateLiteralsWithDifferentOffsetsDenoteTheSameInstant() {
        Instant pivot = Instant.parse("2024-04-15T00:00:00Z");
        Set<String> expected = expected(r -> !changedate(r).isBefore(pivot));

        assertThat(expected).isNotEmpty().hasSizeLessThan(workOrders.size());
        assertThat(wonumsWhere("changedate>=\"2024-04-15T00:00:00-00:00\"")).isEqualTo(expected);
        assertThat(wonumsWhere("changedate>=\"2024-04-15T02:00:00+02:00\"")).isEqualTo(expected);
        assertThat(wonumsWhere("changedate>=\"2024-04-14T19:00:00-05:00\"")).isEqualTo(expected);
        assertThat(wonumsWhere("changedate>=\"2024-04-15T00:00:00Z\"")).isEqualTo(expected);
    }

    @Test
    void dateRangeWithBothBoundsKeepsRecordsInside() {
        Instant from = Instant.parse("2024-04-01T00:00:00Z");
        Instant to = Instant.parse("2024-05-01T00:00:00Z");

        assertThat(wonumsWhere("changedate>=\"2024-04-01T00:00:00+00:00\" and changedate<\"2024-05-01T00:00:00+00:00\""))
                .isEqualTo(expected(r -> !changedate(r).isBefore(from) && changedate(r).isBefore(to)))
                .isNotEmpty();
    }

    @Test
    void exactChangedateMatchesThatSecond() {
        ObjectNode some = workOrders.get(17);
        String changedate = text(some, "changedate");

        assertThat(wonumsWhere("changedate=\"" + changedate + "\"")).contains(text(some, "wonum"));
    }

    @Test
    void syntaxErrorGets400WithMaximoErrorBody() {
        TestHttp.Response response = get(collection("oslc.where=" + enc("status=\"APPR\" and")));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("Error");
        assertThat(error.get("statusCode").asText()).isEqualTo("400");
        assertThat(error.get("reasonCode").asText()).startsWith("BMXAA");
        assertThat(error.get("message").asText()).contains("oslc.where").contains("expected an attribute name");
    }

    @Test
    void unquotedStringGets400() {
        TestHttp.Response response = get(collection("oslc.where=" + enc("status=APPR")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("double quotes");
    }

    @Test
    void unknownAttributeInWhereGets400NamingIt() {
        TestHttp.Response response = get(collection("oslc.where=" + enc("colour=\"red\"")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("colour");
    }

    @Test
    void malformedDateGets400() {
        TestHttp.Response response = get(collection("oslc.where=" + enc("changedate>=\"last tuesday\"")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("last tuesday");
    }

    // ---- oslc.select ----

    @Test
    void withoutSelectMembersCarryOnlyTheirHref() {
        JsonNode member = get(collection("oslc.pageSize=1")).json().at("/member/0");

        assertThat(fieldNames(member)).containsExactly("href");
    }

    @Test
    void selectReturnsRequestedAttributesWithHrefRowstampAndDomainCompanions() {
        JsonNode member = get(collection("oslc.select=wonum,status&oslc.pageSize=1")).json().at("/member/0");

        assertThat(fieldNames(member)).containsExactlyInAnyOrder("href", "_rowstamp", "wonum", "status",
                "status_description", "status_maxvalue");
        assertThat(member.get("_rowstamp").isTextual()).isTrue();
    }

    @Test
    void selectStarReturnsEveryAttribute() {
        JsonNode member = get(collection("oslc.select=*&oslc.pageSize=1")).json().at("/member/0");

        assertThat(fieldNames(member)).contains("wonum", "siteid", "orgid", "workorderid", "description", "status",
                "status_description", "status_maxvalue", "wopriority", "worktype", "woclass", "assetnum",
                "location", "lead", "targstartdate", "targcompdate", "reportdate", "changedate", "istask");
    }

    @Test
    void childSelectionLimitsTheLineAttributes() {
        JsonNode po = get(maximo.baseUrl() + "/oslc/os/mxapipo?lean=1&oslc.pageSize=1&oslc.select="
                + enc("ponum,poline{polinenum,itemnum}")).json().at("/member/0");

        assertThat(fieldNames(po)).containsExactlyInAnyOrder("href", "_rowstamp", "ponum", "poline");
        assertThat(po.get("poline")).isNotEmpty();
        for (JsonNode line : po.get("poline")) {
            assertThat(fieldNames(line)).containsExactlyInAnyOrder("polinenum", "itemnum");
        }
    }

    @Test
    void memberGetReturnsTheWholeRecordWithEtag() {
        ObjectNode record = workOrders.get(3);
        TestHttp.Response response = get(text(record, "href"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(record);
        assertThat(response.header("ETag")).isEqualTo("\"" + text(record, "_rowstamp") + "\"");
    }

    @Test
    void objectStructureNamesAreCaseInsensitive() {
        TestHttp.Response response = get(maximo.baseUrl() + "/oslc/os/MxApiWoDetail?lean=1&oslc.pageSize=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/member/0/href").asText()).contains("/oslc/os/mxapiwodetail/_");
    }

    @Test
    void apiRouteServesTheSameCollection() {
        JsonNode page = get(maximo.baseUrl() + "/api/os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=3").json();

        assertThat(page.at("/member/0/href").asText()).startsWith(maximo.baseUrl() + "/api/os/mxapiwodetail/_");
        assertThat(page.at("/member/0/wonum").asText()).isEqualTo(text(workOrders.get(0), "wonum"));
    }

    @Test
    void aliasServesAStructureUnderAnotherName() {
        try (MaximoSimulator aliased = MaximoSimulator.builder().objectStructureAlias("MXAPICOMPANY", "MXAPIVENDOR")
                .vendors(3).build().start()) {
            JsonNode page = get(aliased.baseUrl() + "/oslc/os/mxapicompany?lean=1&oslc.select=company").json();

            assertThat(page.get("member")).hasSize(3);
            assertThat(page.at("/member/0/href").asText()).contains("/oslc/os/mxapicompany/_");
            assertThat(aliased.count("mxapicompany")).isEqualTo(3);
        }
    }

    @Test
    void unknownObjectStructureGets404WithMaximoErrorBody() {
        TestHttp.Response response = get(maximo.baseUrl() + "/oslc/os/mxapinothing?lean=1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/Error/statusCode").asText()).isEqualTo("404");
        assertThat(response.json().at("/Error/message").asText()).contains("mxapinothing");
    }

    // ---- oslc.orderBy ----

    @Test
    void orderByAppliesEachKeyInTurn() {
        JsonNode members = get(collection("oslc.select=wonum,wopriority&oslc.orderBy=" + enc("-wopriority,+wonum")))
                .json().get("member");

        List<String> actual = new ArrayList<>();
        members.forEach(m -> actual.add(m.get("wopriority").asInt() + "/" + m.get("wonum").asText()));
        List<String> expected = new ArrayList<>();
        workOrders.stream()
                .sorted((a, b) -> a.get("wopriority").asInt() != b.get("wopriority").asInt()
                        ? b.get("wopriority").asInt() - a.get("wopriority").asInt()
                        : text(a, "wonum").compareTo(text(b, "wonum")))
                .forEach(r -> expected.add(r.get("wopriority").asInt() + "/" + text(r, "wonum")));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void unencodedPlusDecodedAsSpaceStillSortsAscending() {
        JsonNode members = get(collection("oslc.select=wonum&oslc.orderBy=+wonum")).json().get("member");

        List<String> wonums = new ArrayList<>();
        members.forEach(m -> wonums.add(m.get("wonum").asText()));
        assertThat(wonums).isSorted().hasSize(workOrders.size());
    }

    @Test
    void orderByChangedateDescendingPutsNewestFirst() {
        JsonNode members = get(collection("oslc.select=changedate&oslc.orderBy=" + enc("-changedate"))).json()
                .get("member");

        List<Instant> dates = new ArrayList<>();
        members.forEach(m -> dates.add(OffsetDateTime.parse(m.get("changedate").asText()).toInstant()));
        assertThat(dates).hasSize(workOrders.size()).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void orderByUnknownAttributeGets400() {
        TestHttp.Response response = get(collection("oslc.orderBy=" + enc("+colour")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("oslc.orderBy").contains("colour");
    }

    // ---- helpers ----

    private static String collection(String query) {
        return maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&" + query;
    }

    private static Set<String> wonumsWhere(String where) {
        TestHttp.Response response = get(collection("oslc.select=wonum&oslc.where=" + enc(where)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Set<String> wonums = new TreeSet<>();
        response.json().get("member").forEach(m -> wonums.add(m.get("wonum").asText()));
        return wonums;
    }

    private static Set<String> expected(Predicate<ObjectNode> filter) {
        Set<String> wonums = new TreeSet<>();
        workOrders.stream().filter(filter).forEach(r -> wonums.add(text(r, "wonum")));
        return wonums;
    }

    private static Instant changedate(ObjectNode record) {
        return OffsetDateTime.parse(text(record, "changedate")).toInstant();
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asText();
    }
}
