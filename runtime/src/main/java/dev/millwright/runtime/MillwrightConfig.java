package dev.millwright.runtime;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The runtime's own settings ({@code millwright.*} in application.properties, or MILLWRIGHT_* variables). */
@ConfigMapping(prefix = "millwright")
public interface MillwrightConfig {

    Demo demo();

    Sync sync();

    Admin admin();

    Bulk bulk();

    /** Defaults of bulk writes (a request may override them). */
    interface Bulk {
        /** Records per batch. */
        @WithDefault("50")
        int batchSize();

        /** Milliseconds between batches, to spare the source. */
        @WithDefault("200")
        long batchDelayMillis();
    }

    /** Base64 of the 32-byte AES key sealing source credentials at rest (env MILLWRIGHT_ENCRYPTION_KEY). */
    Optional<String> encryptionKey();

    /** A directory of mapping files that win over the built-in ones (same relative paths: maximo/work-orders.yaml). */
    Optional<String> mappingDirectory();

    /** Where the embedded default keeps a generated encryption key when none is configured. */
    @WithDefault("data/encryption.key")
    String keyFile();

    /** The management API's credentials. */
    interface Admin {
        /** The admin key (env MILLWRIGHT_ADMIN_KEY), sent as {@code Authorization: Bearer <key>}. */
        Optional<String> key();
    }

    /** The built-in simulators and demo connections. */
    interface Demo {
        /** Start the simulators and the demo connections of config/connections/demo.yaml. */
        @WithDefault("true")
        boolean enabled();

        Maximo maximo();

        /** Records the demo changes in the simulators per minute, so that syncs keep finding news. */
        @WithDefault("30")
        int changesPerMinute();

        interface Maximo {
            /** Port of the Maximo simulator (0 = any free port). */
            @WithDefault("8089")
            int port();

            @WithDefault("demo-maximo-key")
            String apiKey();

            @WithDefault("2000")
            int workOrders();

            @WithDefault("300")
            int purchaseOrders();

            @WithDefault("500")
            int inventoryItems();

            @WithDefault("100")
            int vendors();

            @WithDefault("400")
            int assets();
        }
    }

    /** Defaults of scheduled syncs. */
    interface Sync {
        /** Records per batch written to the canonical store. */
        @WithDefault("100")
        int batchSize();

        /** Milliseconds after which a partial batch is written. */
        @WithDefault("1000")
        int batchTimeout();

        /** Records per page read from the source. */
        @WithDefault("100")
        int pageSize();

        /** Tries per batch before its records are written one by one to isolate failures. */
        @WithDefault("3")
        int sinkAttempts();
    }
}
