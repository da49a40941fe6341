package dev.millwright.simulators.expressmaintenance;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.tools.Server;

/**
 * Runs the Express Maintenance database standalone for the demo and benchmarks, until the process is killed: an
 * H2 database served over H2's TCP protocol.
 * <pre>
 * java -jar millwright-simulator-expressmaintenance.jar --port 9092 --work-orders 100000
 * </pre>
 * Options: {@code --port N} (9092; 0 = any free port), {@code --file PATH} (an H2 file database kept across runs;
 * default in memory), {@code --password P} (the application user's password; default {@code em-app}),
 * {@code --work-orders N}, {@code --purchase-orders N}, {@code --inventory-items N}, {@code --vendors N},
 * {@code --assets N}, {@code --seed S} (42), {@code --history-days D} (30), {@code --latency-ms L} (0).
 * It prints the JDBC URL on the first line of standard output once it serves, and the user on the second.
 */
public final class ExpressMaintenanceSimulatorMain {

    private ExpressMaintenanceSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException, SQLException {
        ExpressMaintenanceSimulator.Builder builder = ExpressMaintenanceSimulator.builder()
                .databaseName("expressmaintenance");
        int port = 9092;
        int latencyMillis = 0;
        Path file = null;
        String password = "em-app";
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
                    case "--port" -> port = Integer.parseInt(value);
                    case "--file" -> file = Path.of(value);
                    case "--password" -> password = value;
                    case "--work-orders" -> builder.workOrders(Integer.parseInt(value));
                    case "--purchase-orders" -> builder.purchaseOrders(Integer.parseInt(value));
                    case "--inventory-items" -> builder.inventoryItems(Integer.parseInt(value));
                    case "--vendors" -> builder.vendors(Integer.parseInt(value));
                    case "--assets" -> builder.assets(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--history-days" -> builder.historyDays(Integer.parseInt(value));
                    case "--latency-ms" -> latencyMillis = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("expressmaintenance-simulator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        if (file != null) {
            builder.file(file, password);
        }
        ExpressMaintenanceSimulator simulator = builder.build().start();
        simulator.faults().latencyMillis(latencyMillis);
        if (file == null) {
            // the in-memory database has a random application password: fix it for clients of other processes
            simulator.executeAsAdmin("ALTER USER " + simulator.user() + " SET PASSWORD '" + password.replace("'", "''")
                    + "'");
        }
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            simulator.close();
        }, "expressmaintenance-simulator-shutdown"));
        String database = simulator.jdbcUrl().substring("jdbc:h2:".length()).replaceAll(";.*$", "");
        System.out.println("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database);
        System.out.println("user=" + simulator.user());
        System.out.flush();
        Thread.currentThread().join(); // serve until killed
    }

    private static void usage() {
        System.err.println("usage: ExpressMaintenanceSimulatorMain [--port 9092] [--file PATH] [--password P]"
                + " [--work-orders N] [--purchase-orders N] [--inventory-items N] [--vendors N] [--assets N]"
                + " [--seed S] [--history-days D] [--latency-ms L]");
    }
}
