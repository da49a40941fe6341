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

    Webhooks webhooks();

    Inbound inbound();

    /** Inbound webhooks: POST /inbound/{connection_id} and the inbox worker. */
    interface Inbound {
        /** How far a webhook-timestamp may be from now, either way (replay protection). */
        @WithDefault("5m")
        java.time.Duration tolerance();

        /** The largest body accepted, in bytes (larger ones get 413). */
        @WithDefault("262144")
        int maxBodySize();

        /** How often the inbox worker looks for new notifications. */
        @WithDefault("250ms")
        java.time.Duration pollInterval();

        /** Notifications per batch (one sync trigger per connection and entity per batch). */
        @WithDefault("200")
        int batchSize();

        /** How long a claimed notification belongs to its worker before another node may take it over. */
        @WithDefault("2m")
        java.time.Duration claimTimeout();
    }

    Health health();

    /** Connection health checks: a cheap authenticated call to each connection's source. */
    interface Health {
        /** How often each connection (neither suspended nor disconnected) is checked. */
        @WithDefault("60s")
        java.time.Duration checkInterval();

        /** Checks running at once: a slow or unreachable source holds one of them, never the others. */
        @WithDefault("4")
        int checkThreads();
    }

    /** Outbound webhooks: delivery of events to subscriptions. */
    interface Webhooks {
        /** Waits before each attempt: at once, then 5 s after the first failure, and so on; then the delivery is dead. */
        @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
        String retrySchedule();

        /** The longest a receiver may take to answer. */
        @WithDefault("10s")
        java.time.Duration timeout();

        /** A subscription failing this long without one success is disabled. */
        @WithDefault("5d")
        java.time.Duration disableAfter();

        /** After a secret rotation, how long the previous secret keeps signing beside the new one. */
        @WithDefault("24h")
        java.time.Duration rotationOverlap();

        /** Subscriptions delivered to at once (one slow receiver holds one of them, never the others). */
        @WithDefault("8")
        int concurrency();

        /** How often the dispatcher looks for due deliveries. */
        @WithDefault("500ms")
        java.time.Duration pollInterval();

        /** Hosts a subscription may reach over plain http and inside the network (comma separated). */
        @WithDefault("localhost,127.0.0.1")
        java.util.List<String> allowedHttpHosts();
    }

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

            /** The simulator sends signed change notifications to the runtime's own /inbound/demo-maximo. */
            @WithDefault("true")
            boolean notifyChanges();

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
