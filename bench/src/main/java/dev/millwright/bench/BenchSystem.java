package dev.millwright.bench;

import java.util.List;
import java.util.Map;

import dev.millwright.simulators.dynamics.BusinessCentralSimulatorMain;
import dev.millwright.simulators.maximo.MaximoSimulatorMain;
import dev.millwright.simulators.netsuite.NetSuiteSimulatorMain;
import dev.millwright.simulators.s4hana.S4HanaSimulatorMain;

/**
 * The systems the sync benchmark runs against: each one's simulator main class and arguments, the collection
 * synced, and the connection options of the running simulator.
 */
enum BenchSystem {

    MAXIMO("maximo", MaximoSimulatorMain.class, "work-orders", "work_order", "--work-orders",
            List.of("--api-key", "bench-key", "--purchase-orders", "1", "--inventory-items", "1", "--vendors", "1",
                    "--assets", "1", "--history-days", "20")) {
        @Override
        Map<String, String> options(String baseUrl) {
            return Map.of("baseUrl", baseUrl, "apiKey", "bench-key");
        }
    },
    S4HANA("s4hana", S4HanaSimulatorMain.class, "work-orders", "work_order", "--maintenance-orders",
            List.of("--user", "BENCH:bench-password", "--purchase-orders", "1", "--stock-records", "1",
                    "--suppliers", "1", "--equipment", "1", "--history-days", "20")) {
        @Override
        Map<String, String> options(String baseUrl) {
            return Map.of("baseUrl", baseUrl, "user", "BENCH", "password", "bench-password");
        }
    },
    NETSUITE("netsuite", NetSuiteSimulatorMain.class, "vendors", "vendor", "--vendors",
            List.of("--account", "1234567", "--tba", "bench-ck:bench-cs:bench-token:bench-ts", "--inventory-items",
                    "1", "--purchase-orders", "1", "--work-orders", "1", "--assets", "1", "--history-days", "20")) {
        @Override
        Map<String, String> options(String baseUrl) {
            return Map.of("baseUrl", baseUrl, "accountId", "1234567", "authMethod", "tba", "consumerKey", "bench-ck",
                    "consumerSecret", "bench-cs", "tokenId", "bench-token", "tokenSecret", "bench-ts");
        }
    },
    DYNAMICS("dynamics", BusinessCentralSimulatorMain.class, "vendors", "vendor", "--vendors",
            List.of("--tenant", BenchSystem.TENANT, "--company", "CRONUS USA, Inc.", "--client",
                    "bench-client:bench-secret", "--items", "1", "--fixed-assets", "1", "--purchase-orders", "1",
                    "--history-days", "20")) {
        @Override
        Map<String, String> options(String baseUrl) {
            return Map.of("baseUrl", baseUrl, "tenantId", TENANT, "companyName", "CRONUS USA, Inc.",
                    "tokenUrl", baseUrl + "/" + TENANT + "/oauth2/v2.0/token", "clientId", "bench-client",
                    "clientSecret", "bench-secret");
        }
    };

    static final String TENANT = "4c1e7a3b-9d2f-4e58-b6a1-0f3c8d5e2a71";

    final String scheme;
    final Class<?> simulatorMain;
    final String collection;
    final String entity;
    final String countOption;
    final List<String> simulatorArguments;

    BenchSystem(String scheme, Class<?> simulatorMain, String collection, String entity, String countOption,
            List<String> simulatorArguments) {
        this.scheme = scheme;
        this.simulatorMain = simulatorMain;
        this.collection = collection;
        this.entity = entity;
        this.countOption = countOption;
        this.simulatorArguments = simulatorArguments;
    }

    /** The connection options of the simulator at {@code baseUrl}. */
    abstract Map<String, String> options(String baseUrl);

    static BenchSystem of(String scheme) {
        for (BenchSystem system : values()) {
            if (system.scheme.equals(scheme)) {
                return system;
            }
        }
        throw new IllegalArgumentException("--system is one of maximo, s4hana, netsuite, dynamics, not " + scheme);
    }
}
