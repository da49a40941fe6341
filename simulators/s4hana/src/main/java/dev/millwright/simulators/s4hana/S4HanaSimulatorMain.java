package dev.millwright.simulators.s4hana;

import java.time.Duration;
import java.util.Locale;

/**
 * Runs the S/4HANA simulator standalone for the demo and benchmarks, until the process is killed:
 * <pre>
 * java -jar millwright-simulator-s4hana.jar --port 8090 --user MILLWRIGHT:secret --purchase-orders 100000
 * </pre>
 * Options: {@code --port N} (8090; 0 = any free port), {@code --host H} (127.0.0.1), {@code --user U:P} and
 * {@code --client ID:SECRET} (repeatable; none = no authentication), {@code --token-lifetime-seconds S} (43200),
 * {@code --purchase-orders N}, {@code --maintenance-orders N}, {@code --stock-records N}, {@code --suppliers N},
 * {@code --equipment N} (50 each), {@code --seed S} (42), {@code --history-days D} (90), {@code --latency-ms L}
 * (0), {@code --server-page-size N} (1000), {@code --threads N} (16). The first line on standard output is the
 * base URL, printed once it serves.
 */
public final class S4HanaSimulatorMain {

    private S4HanaSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        S4HanaSimulator.Builder builder = S4HanaSimulator.builder().port(8090);
        int latencyMillis = 0;
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
                    case "--user" -> builder.basicUser(before(value, option), after(value));
                    case "--client" -> builder.oauthClient(before(value, option), after(value));
                    case "--token-lifetime-seconds" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                    case "--purchase-orders" -> builder.purchaseOrders(Integer.parseInt(value));
                    case "--maintenance-orders" -> builder.maintenanceOrders(Integer.parseInt(value));
                    case "--stock-records" -> builder.stockRecords(Integer.parseInt(value));
                    case "--suppliers" -> builder.suppliers(Integer.parseInt(value));
                    case "--equipment" -> builder.equipment(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    case "--server-page-size" -> builder.serverPageSize(Integer.parseInt(value));
                    case "--threads" -> builder.threads(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("s4hana-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        S4HanaSimulator simulator = builder.build();
        simulator.faults().latencyMillis(latencyMillis);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "s4hana-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static String before(String value, String option) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " takes NAME:SECRET");
        }
        return value.substring(0, colon);
    }

    private static String after(String value) {
        return value.substring(value.indexOf(':') + 1);
    }

    private static void usage() {
        System.err.println("usage: S4HanaSimulatorMain [--port 8090] [--host 127.0.0.1] [--user USER:PASSWORD]..."
                + " [--client ID:SECRET]... [--token-lifetime-seconds S] [--purchase-orders N]"
                + " [--maintenance-orders N] [--stock-records N] [--suppliers N] [--equipment N] [--seed S]"
                + " [--history-days D] [--latency-ms L] [--server-page-size N] [--threads N]");
    }
}
