package dev.millwright.simulators.dynamics;

import java.time.Duration;
import java.util.Locale;

/**
 * Runs the Business Central simulator standalone for the demo and benchmarks, until the process is killed:
 * <pre>
 * java -jar millwright-simulator-dynamics.jar --port 8090 --client demo-app:demo-secret --purchase-orders 10000
 * </pre>
 * Options: {@code --port N} (8090; 0 = any free port), {@code --host H} (127.0.0.1), {@code --tenant GUID},
 * {@code --environment NAME} (production), {@code --company NAME} (CRONUS USA, Inc.), {@code --extra-company NAME}
 * (repeatable), {@code --client ID:SECRET} (repeatable; none = no token needed), {@code --vendors N},
 * {@code --items N}, {@code --fixed-assets N}, {@code --purchase-orders N} (50 each), {@code --seed S} (42),
 * {@code --history-days D} (90), {@code --token-lifetime-seconds S} (3599), {@code --request-limit N/SECONDS}
 * (6000/300), {@code --latency-ms L} (0), {@code --max-page-size N} (20000), {@code --threads N} (16).
 * It prints the base URL on the first line of standard output once it serves, then the token URL and the company
 * URL.
 */
public final class BusinessCentralSimulatorMain {

    private BusinessCentralSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BusinessCentralSimulator.Builder builder = BusinessCentralSimulator.builder().port(8090);
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
                    case "--tenant" -> builder.tenantId(value);
                    case "--environment" -> builder.environment(value);
                    case "--company" -> builder.companyName(value);
                    case "--extra-company" -> builder.extraCompany(value);
                    case "--client" -> {
                        int colon = value.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--client takes CLIENT_ID:SECRET");
                        }
                        builder.client(value.substring(0, colon), value.substring(colon + 1));
                    }
                    case "--vendors" -> builder.vendors(Integer.parseInt(value));
                    case "--items" -> builder.items(Integer.parseInt(value));
                    case "--fixed-assets" -> builder.fixedAssets(Integer.parseInt(value));
                    case "--purchase-orders" -> builder.purchaseOrders(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--token-lifetime-seconds" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                    case "--request-limit" -> {
                        String[] parts = value.split("/");
                        if (parts.length != 2) {
                            throw new IllegalArgumentException("--request-limit takes REQUESTS/SECONDS");
                        }
                        builder.requestLimit(Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1])));
                    }
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    case "--max-page-size" -> builder.maxPageSize(Integer.parseInt(value));
                    case "--threads" -> builder.threads(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("business-central-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }

        BusinessCentralSimulator simulator = builder.build();
        simulator.faults().latencyMillis(latencyMillis);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "business-central-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.println("token URL:   " + simulator.tokenUrl());
        System.out.println("company URL: " + simulator.companyUrl() + "  (" + simulator.companyName() + ")");
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static void usage() {
        System.err.println("usage: BusinessCentralSimulatorMain [--port 8090] [--host 127.0.0.1] [--tenant GUID]"
                + " [--environment production] [--company NAME] [--extra-company NAME]... [--client ID:SECRET]..."
                + " [--vendors N] [--items N] [--fixed-assets N] [--purchase-orders N] [--seed S] [--history-days D]"
                + " [--token-lifetime-seconds S] [--request-limit N/SECONDS] [--latency-ms L] [--max-page-size N]"
                + " [--threads N]");
    }
}
