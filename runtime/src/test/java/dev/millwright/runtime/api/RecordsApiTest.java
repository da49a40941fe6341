package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.millwright.runtime.demo.DemoEnvironment;

/** The data endpoints: lists with filters and cursors, single records, and one connection per token. */
@QuarkusTest
class RecordsApiTest {

    @Inject
    DemoEnvironment demo;

    private String token;

    @BeforeEach
    void connectAndSync() {
        token = Api.createMaximoConnection(demo, Map.of()).path("token");
        SyncApiTest.syncAndWait(token, "work_order", false);
    }

    private JsonPath page(Map<String, ?> query) {
        return Api.as(token).queryParams(query).get("/work-orders").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pagingWithTheCursorReturnsEveryRecordOnce() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = cursor == null ? Map.of("page_size", 250)
                    : Map.of("page_size", 250, "cursor", cursor);
            JsonPath page = page(query);
            List<String> pageIds = page.getList("results.id");
            assertThat(pageIds).hasSizeLessThanOrEqualTo(250);
            for (String id : pageIds) {
                assertThat(ids.add(id)).as("record %s seen twice", id).isTrue();
            }
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);

        assertThat(ids).hasSize(demo.maximo().count("MXAPIWODETAIL"));
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void pagingWhileRecordsChangeNeitherSkipsNorRepeats() {
        JsonPath first = page(Map.of("page_size", 100));
        List<String> seen = new ArrayList<>(first.getList("results.id"));
        // changes land between pages: records already seen and not yet seen are updated
        demo.maximo().modifyAll("MXAPIWODETAIL", wo -> wo.path("wonum").asText().endsWith("7"),
                Map.of("description", "changed while paging"));
        SyncApiTest.syncAndWait(token, "work_order", false);
        String cursor = first.getString("next_cursor");
        while (cursor != null) {
            JsonPath page = page(Map.of("page_size", 100, "cursor", cursor));
            seen.addAll(page.getList("results.id"));
            cursor = page.getString("next_cursor");
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize(demo.maximo().count("MXAPIWODETAIL"));
    }

    /** The modified times of every record the query matches, following the cursor. */
    private List<String> modifiedTimes(Map<String, ?> filter) {
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new java.util.HashMap<>(filter);
            query.put("page_size", 1000);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = page(query);
            times.addAll(page.getList("results.modified_at"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return times;
    }

    @Test
    void filtersByModifiedTime() {
        List<String> all = modifiedTimes(Map.of());
        String middle = all.stream().sorted().toList().get(all.size() / 2);

        List<String> after = modifiedTimes(Map.of("modified_after", middle));
        List<String> before = modifiedTimes(Map.of("modified_before", middle));

        assertThat(after).allMatch(t -> t.compareTo(middle) >= 0);
        assertThat(before).allMatch(t -> t.compareTo(middle) < 0);
        assertThat(after.size() + before.size()).isEqualTo(all.size());
    }

    @Test
    void theRawRecordComesOnlyWhenAskedFor() {
        String id = page(Map.of("page_size", 1)).getString("results[0].id");

        Api.as(token).get("/work-orders/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("remote_data", nullValue());
        Api.as(token).queryParam("include_raw", "true").get("/work-orders/" + id).then().statusCode(200)
                .body("remote_data.wonum", notNullValue()).body("remote_data._rowstamp", notNullValue());
    }

    @Test
    void aTokenSeesOnlyItsOwnConnectionsRecords() {
        String otherToken = Api.createMaximoConnection(demo, Map.of()).path("token");
        String mine = page(Map.of("page_size", 1)).getString("results[0].id");

        Api.as(otherToken).get("/work-orders").then().statusCode(200).body("results.size()", equalTo(0));
        Api.as(otherToken).get("/work-orders/" + mine).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(otherToken).contentType("application/json").body("{\"title\":\"x\"}").patch("/work-orders/" + mine)
                .then().statusCode(404);
    }

    @Test
    void badQueryParametersAreNamed() {
        Api.as(token).queryParam("page_size", "0").queryParam("modified_after", "yesterday")
                .queryParam("include_raw", "yes").queryParam("colour", "red").get("/work-orders").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("page_size", "modified_after",
                        "include_raw", "colour"));
        Api.as(token).queryParam("cursor", "not-a-cursor").get("/work-orders").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anUnknownCollectionIsNotFound() {
        Api.as(token).get("/widgets").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/work-orders/{id}")).body(containsString("/connections/{id}/reauthorize"))
                .body(containsString("/bulk/{collection}")).body(containsString("/sync-status"))
                .body(containsString("connectionToken"));
    }
}
