package dev.millwright.simulators.prometheusgroup;

import java.time.Duration;
import java.util.Locale;

/**
 * Runs the Prometheus Group simulator standalone for the demo and benchmarks, until the process is killed:
 * <pre>
 * java -jar millwright-simulator-prometheusgroup.jar --port 8091 --client demo-client:demo-secret --work-orders 100000
 * </pre>
 * Options: {@code --port N} (8091; 0 = any free port), {@code --host H} (127.0.0.1), {@code --api-key K},
 * {@code --user U:P}, {@code --client ID:SECRET} (each repeatable; none at all = no authentication),
 * {@code --token-lifetime SECONDS} (3600), {@code --work-orders N}, {@code --assets N} (50 each), {@code --jobs N}
 * (40), {@code --first-work-order N} (1000), {@code --host-system MAXIMO|SAP}, {@code --seed S} (42),
 * {@code --history-days D} (90), {@code --latency-ms L} (0), {@code --max-page-size N} (1000), {@code --threads N}
 * (16), {@code --paging RESOURCE=STYLE} (repeatable, e.g. {@code assets=OFFSET}). It prints the base URL on standard
 * output once it serves.
 */
public final class PrometheusGroupSimulatorMain {

    private PrometheusGroupSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrometheusGroupSimulator.Builder builder = PrometheusGroupSimulator.builder().port(8091);
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
                    case "--api-key" -> builder.apiKey(value);
                    case "--user" -> {
                        String[] pair = pair(value, "--user takes USER:PASSWORD", ':');
                        builder.basicUser(pair[0], pair[1]);
                    }
                    case "--client" -> {
                        String[] pair = pair(value, "--client takes ID:SECRET", ':');
                        builder.oauthClient(pair[0], pair[1]);
                    }
                    case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                    case "--work-orders" -> builder.workOrders(Integer.parseInt(value));
                    case "--assets" -> builder.assets(Integer.parseInt(value));
                    case "--jobs" -> builder.jobs(Integer.parseInt(value));
                    case "--first-work-order" -> builder.firstWorkOrderNumber(Long.parseLong(value));
                    case "--host-system" -> builder.hostSystem(value.toUpperCase(Locale.ROOT));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    case "--max-page-size" -> builder.maxPageSize(Integer.parseInt(value));
                    case "--threads" -> builder.threads(Integer.parseInt(value));
                    case "--paging" -> {
                        String[] pair = pair(value, "--paging takes RESOURCE=STYLE", '=');
                        builder.paging(pair[0], PagingStyle.valueOf(pair[1].toUpperCase(Locale.ROOT)));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("prometheusgroup-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }

        PrometheusGroupSimulator simulator = builder.build();
        simulator.faults().latencyMillis(latencyMillis);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "prometheusgroup-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static String[] pair(String value, String usage, char separator) {
        int at = value.indexOf(separator);
        if (at < 1) {
            throw new IllegalArgumentException(usage);
        }
        return new String[] {value.substring(0, at), value.substring(at + 1)};
    }

    private static void usage() {
        System.err.println("usage: PrometheusGroupSimulatorMain [--port 8091] [--host 127.0.0.1] [--api-key KEY]..."
                + " [--user USER:PASSWORD]... [--client ID:SECRET]... [--token-lifetime SECONDS] [--work-orders N]"
                + " [--assets N] [--jobs N] [--first-work-order N] [--host-system MAXIMO|SAP] [--seed S]"
                + " [--history-days D] [--latency-ms L] [--max-page-size N] [--threads N]"
                + " [--paging RESOURCE=NEXT_LINK|OFFSET|CONTINUATION_TOKEN]...");
    }
}
