package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Runs the NetSuite simulator standalone for the demo and benchmarks, until the process is killed:
 * <pre>
 * java -jar millwright-simulator-netsuite.jar --port 8090 --oauth2-client CLIENT:CERT:public.pem --vendors 100000
 * </pre>
 * Options: {@code --port N} (8090; 0 = any free port), {@code --host H} (127.0.0.1), {@code --account ID}
 * (1234567), {@code --oauth2-client CLIENT_ID:CERTIFICATE_ID:PEM_FILE} (repeatable; the PEM holds the certificate
 * or public key), {@code --tba CONSUMER_KEY:CONSUMER_SECRET:TOKEN_ID:TOKEN_SECRET} (repeatable; no credentials = no
 * authentication), {@code --vendors N}, {@code --inventory-items N}, {@code --purchase-orders N},
 * {@code --work-orders N}, {@code --assets N} (50 each), {@code --seed S} (42), {@code --history-days D} (90),
 * {@code --time-zone Z} (UTC), {@code --latency-ms L} (0), {@code --concurrency-limit N} (15),
 * {@code --max-query-results N} (100000), {@code --threads N} (32), {@code --asset-record-type T}
 * (customrecord_ncfar_asset). It prints the base URL on standard output once it serves.
 */
public final class NetSuiteSimulatorMain {

    private NetSuiteSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        NetSuiteSimulator.Builder builder = NetSuiteSimulator.builder().port(8090);
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
                    case "--account" -> builder.accountId(value);
                    case "--oauth2-client" -> {
                        String[] parts = value.split(":", 3);
                        if (parts.length != 3) {
                            throw new IllegalArgumentException("--oauth2-client takes CLIENT_ID:CERTIFICATE_ID:PEM_FILE");
                        }
                        builder.oauth2Client(parts[0], parts[1], PublicKeys.fromPem(read(parts[2])));
                    }
                    case "--tba" -> {
                        String[] parts = value.split(":", 4);
                        if (parts.length != 4) {
                            throw new IllegalArgumentException(
                                    "--tba takes CONSUMER_KEY:CONSUMER_SECRET:TOKEN_ID:TOKEN_SECRET");
                        }
                        builder.tbaToken(parts[0], parts[1], parts[2], parts[3]);
                    }
                    case "--vendors" -> builder.vendors(Integer.parseInt(value));
                    case "--inventory-items" -> builder.inventoryItems(Integer.parseInt(value));
                    case "--purchase-orders" -> builder.purchaseOrders(Integer.parseInt(value));
                    case "--work-orders" -> builder.workOrders(Integer.parseInt(value));
                    case "--assets" -> builder.assets(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--time-zone" -> builder.timeZone(ZoneId.of(value));
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    case "--concurrency-limit" -> builder.concurrencyLimit(Integer.parseInt(value));
                    case "--max-query-results" -> builder.maxQueryResults(Integer.parseInt(value));
                    case "--threads" -> builder.threads(Integer.parseInt(value));
                    case "--asset-record-type" -> builder.assetRecordType(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("netsuite-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }

        NetSuiteSimulator simulator = builder.build();
        simulator.faults().latencyMillis(latencyMillis);
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "netsuite-simulator-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void usage() {
        System.err.println("usage: NetSuiteSimulatorMain [--port 8090] [--host 127.0.0.1] [--account 1234567]"
                + " [--oauth2-client CLIENT_ID:CERTIFICATE_ID:PEM_FILE]..."
                + " [--tba CONSUMER_KEY:CONSUMER_SECRET:TOKEN_ID:TOKEN_SECRET]... [--vendors N]"
                + " [--inventory-items N] [--purchase-orders N] [--work-orders N] [--assets N] [--seed S]"
                + " [--history-days D] [--time-zone Z] [--latency-ms L] [--concurrency-limit N]"
                + " [--max-query-results N] [--threads N] [--asset-record-type T]");
    }
}
