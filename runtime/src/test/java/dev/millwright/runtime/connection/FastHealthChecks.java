package dev.millwright.runtime.connection;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Health checks every second instead of every minute, so that tests see them at work; on a database of its own, since
 * the in-memory one of the default test profile outlives its application (and its demo connections would come back
 * without the demo's data sources).
 */
public class FastHealthChecks implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("millwright.health.check-interval", "1s",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:millwright-health-test;DB_CLOSE_DELAY=-1");
    }
}
