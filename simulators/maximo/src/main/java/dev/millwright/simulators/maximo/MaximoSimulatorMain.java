package dev.millwright.simulators.maximo;

import java.util.Locale;

/**
 * Runs the Maximo simulator standalone for the demo and benchmarks, until the process is killed:
 * <pre>
 * java -Xmx1g -jar millwright-simulators.jar --port 8089 --api-key KEY --work-orders 100000
 * </pre>
 * Options: {@code --port N} (8089; 0 = any free port), {@code --host H} (127.0.0.1),
 * {@code --api-key K} (repeatable; none = no authentication), {@code --user U:P} (repeatable, for
 * maxauth), {@code --work-orders N}, {@code --purchase-orders N}, {@code --inventory-items N},
 * {@code --vendors N}, {@code --assets N} (50 each), {@code --seed S} (42), {@code --history-days D}
 * (90), {@code --latency-ms L} (0), {@code --max-page-size N} (1000), {@code --threads N} (16),
 * {@code --alias ALIAS=OBJECTSTRUCTURE} (repeatable, e.g. {@code MXAPICOMPANY=MXAPIVENDOR}),
 * {@code --notify-url URL --notify-secret whsec_...} (signed change notifications, see {@link ChangeNotifier}),
 * {@code --notify-duplicates P} (0), {@code --notify-reorder N} (1).
 * It prints the base URL on standard output once it serves.
 */
public final class MaximoSimulatorMain {

    private MaximoSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MaximoSimulator.Builder builder = MaximoSimulator.builder().port(8089);
        int latencyMillis = 0;
        String notifyUrl = null;
        String notifySecret = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    usage();
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + option);
                }
                String value = args[++i];
                switch (option.toLowerCase(Locale.ROOT)) {
                    case "--port" -> builder.port(Integer.parseInt(value));
                    case "--host" -> builder.host(value);
                    case "--api-key" -> builder.apiKey(value);
                    case "--user" -> {
                        int colon = value.indexOf(':');
                        if (colon < 0) {
                            throw new IllegalArgumentException("--user takes USER:PASSWORD");
                        }
                        builder.basicUser(value.substring(0, colon), value.substring(colon + 1));
                    }
                    case "--work-orders" -> builder.workOrders(Integer.parseInt(value));
                    case "--purchase-orders" -> builder.purchaseOrders(Integer.parseInt(value));
                    case "--inventory-items" -> builder.inventoryItems(Integer.parseInt(value));
                    case "--vendors" -> builder.vendors(Integer.parseInt(value));
                    case "--assets" -> builder.assets(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    case "--max-page-size" -> builder.maxPageSize(Integer.parseInt(value));
                    case "--threads" -> builder.threads(Integer.parseInt(value));
                    case "--notify-url" -> notifyUrl = value;
                    case "--notify-secret" -> notifySecret = value;
                    case "--notify-duplicates" -> builder.notificationDuplicates(Double.parseDouble(value));
                    case "--notify-reorder" -> builder.notificationReorderWindow(Integer.parseInt(value));
                    case "--alias" -> {
                        int equals = value.indexOf('=');
                        if (equals < 0) {
                            throw new IllegalArgumentException("--alias takes ALIAS=OBJECTSTRUCTURE");
                        }
                        builder.objectStructureAlias(value.substring(0, equals), value.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("maximo-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }

        if (notifyUrl != null) {
            if (notifySecret == null) {
                throw new IllegalArgumentException("--notify-url needs --notify-secret whsec_...");
            }
            builder.notifyChanges(notifyUrl, notifySecret);
        }
        MaximoSimulator simulator = builder.build();
        simulator.faults().latencyMillis(latencyMillis);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "maximo-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static void usage() {
        System.err.println("usage: MaximoSimulatorMain [--port 8089] [--host 127.0.0.1] [--api-key KEY]..."
                + " [--user USER:PASSWORD]... [--work-orders N] [--purchase-orders N] [--inventory-items N]"
                + " [--vendors N] [--assets N] [--seed S] [--history-days D] [--latency-ms L]"
                + " [--max-page-size N] [--threads N] [--alias ALIAS=OBJECTSTRUCTURE]..."
                + " [--notify-url URL --notify-secret whsec_...] [--notify-duplicates P] [--notify-reorder N]");
    }
}
