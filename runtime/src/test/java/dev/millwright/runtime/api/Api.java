package dev.millwright.runtime.api;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.millwright.runtime.demo.DemoEnvironment;

/** Calls of the API as clients make them: the admin key for management, a connection token for data. */
final class Api {

    static final String ADMIN_KEY = "test-admin-key";

    private Api() {
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** Creates a Maximo connection to the demo simulator; answers the created connection (with its token). */
    static Response createMaximoConnection(DemoEnvironment demo, Map<String, String> schedules) {
        Map<String, Object> body = Map.of("system", "maximo", "name", "Test Maximo",
                "settings", Map.of("baseUrl", demo.maximo().baseUrl(), "apiKey", "demo-maximo-key",
                        "initialHistory", "all"),
                "schedules", schedules);
        return admin().contentType(ContentType.JSON).body(body).post("/connections").then().statusCode(201)
                .extract().response();
    }
}
