package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.millwright.simulators.maximo.TestHttp.getWith;
import static org.assertj.core.api.Assertions.assertThat;

class MaximoAuthenticationTest {
    private static MaximoSimulator maximo;
    private static String collection;

    @BeforeAll
    static void start() {
        maximo = MaximoSimulator.builder().apiKey("test-key").apiKey("second-key").basicUser("wilson", "wilson")
                .workOrders(5).build().start();
        collection = maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1";
    }

    @AfterAll
    static void stop() {
        maximo.close();
    }

    @AfterEach
    void restoreKeys() {
        maximo.restoreApiKey("test-key");
    }

    @Test
    void apiKeyHeaderIsAccepted() {
        assertThat(getWith(collection, "apikey", "test-key").status()).isEqualTo(200);
    }

    @Test
    void everyConfiguredApiKeyIsAccepted() {
        assertThat(getWith(collection, "apikey", "second-key").status()).isEqualTo(200);
    }

    @Test
    void apiKeyQueryParameterIsAccepted() {
        assertThat(getWith(collection + "&apikey=test-key").status()).isEqualTo(200);
    }

    @Test
    void legacyMaxauthHeaderIsAccepted() {
        String maxauth = Base64.getEncoder().encodeToString("wilson:wilson".getBytes(StandardCharsets.UTF_8));
        assertThat(getWith(collection, "maxauth", maxauth).status()).isEqualTo(200);
    }

    @Test
    void maxauthWithWrongPasswordIsRefused() {
        String maxauth = Base64.getEncoder().encodeToString("wilson:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(getWith(collection, "maxauth", maxauth).status()).isEqualTo(401);
    }

    @Test
    void missingCredentialsGet401WithMaximoErrorBody() {
        TestHttp.Response response = getWith(collection);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json().get("Error");
        assertThat(error.get("reasonCode").asText()).isEqualTo("BMXAA7901E");
        assertThat(error.get("message").asText()).isEqualTo(
                "BMXAA7901E - You cannot log in at this time. Contact the system administrator.");
        assertThat(error.get("statusCode").isTextual()).isTrue();
        assertThat(error.get("statusCode").asText()).isEqualTo("401");
        assertThat(error.at("/extendedError/moreInfo/href").asText()).endsWith("BMXAA7901E");
    }

    @Test
    void unknownApiKeyGets401() {
        assertThat(getWith(collection, "apikey", "guess").status()).isEqualTo(401);
    }

    @Test
    void revokedApiKeyGets401() {
        maximo.revokeApiKey("test-key");

        TestHttp.Response response = getWith(collection, "apikey", "test-key");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/Error/reasonCode").asText()).isEqualTo("BMXAA7901E");
    }

    @Test
    void restoredApiKeyIsAcceptedAgain() {
        maximo.revokeApiKey("test-key");
        maximo.restoreApiKey("test-key");

        assertThat(getWith(collection, "apikey", "test-key").status()).isEqualTo(200);
    }

    @Test
    void apiKeyCanBeRevokedAndRestoredThroughControlEndpoints() {
        TestHttp.Response revoke = TestHttp.post(maximo.baseUrl().replace("/maximo", "/_sim/revoke?apikey=test-key"), "");
        assertThat(revoke.status()).isEqualTo(204);
        assertThat(getWith(collection, "apikey", "test-key").status()).isEqualTo(401);

        TestHttp.post(maximo.baseUrl().replace("/maximo", "/_sim/restore?apikey=test-key"), "");
        assertThat(getWith(collection, "apikey", "test-key").status()).isEqualTo(200);
    }

    @Test
    void controlEndpointsNeedNoCredentials() {
        TestHttp.Response stats = getWith(maximo.baseUrl().replace("/maximo", "/_sim/stats"));

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().at("/objectStructures/MXAPIWODETAIL").asInt()).isEqualTo(5);
    }

    @Test
    void simulatorWithoutCredentialsAcceptsEveryRequest() {
        try (MaximoSimulator open = MaximoSimulator.builder().workOrders(1).build().start()) {
            assertThat(getWith(open.baseUrl() + "/oslc/os/mxapiwodetail").status()).isEqualTo(200);
        }
    }
}
