package dev.millwright.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.sync.SyncRouteTemplates;

/**
 * Sync benchmark: N records from a system's standalone simulator (Maximo work orders by default) into an H2 file
 * database, first by the floor baseline (for Maximo a hand-written HTTP + Jackson + JDBC loop; for the others the
 * component's protocol client feeding the same JDBC loop), then through Millwright's full sync route, in one run.
 * Prints records/s and peak heap of each, and the ratio.
 *
 * The first argument {@code list} runs the {@link ListBenchmark} instead; {@code webhooks-out} the
 * {@link WebhookDispatchBenchmark}.
 *
 * <pre>java -Xmx256m -jar bench/target/millwright-bench.jar [--records 1000000] [--page-size 1000] [--batch-size 100]
 *     [--system maximo|s4hana|netsuite|dynamics] [--only floor|millwright] [--simulator-heap 3g]</pre>
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("list")) {
            ListBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("webhooks-in")) {
            InboundIntakeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("webhooks-out")) {
            WebhookDispatchBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int records = intArg(args, "--records", 1_000_000);
        int pageSize = intArg(args, "--page-size", 1000);
        int batchSize = intArg(args, "--batch-size", 100);
        String simulatorHeap = stringArg(args, "--simulator-heap", "3g");
        BenchSystem system = BenchSystem.of(stringArg(args, "--system", "maximo"));
        String only = stringArg(args, "--only", "both");
        String sink = stringArg(args, "--sink", SyncRouteTemplates.DEFAULT_SINK);

        System.out.printf("Millwright sync benchmark: %s, %,d %s records, page %d, batch %d, H2 file database,"
                + " heap limit %d MB, %d cores%n", system.scheme, records, system.entity, pageSize, batchSize,
                HeapPeak.maxHeapMegabytes(), Runtime.getRuntime().availableProcessors());
        try (StandaloneSimulator simulator = StandaloneSimulator.start(system, records, simulatorHeap)) {
            Path databases = Path.of(System.getProperty("java.io.tmpdir"), "millwright-bench-db");

            long floorStored = 0;
            double floorSeconds = Double.NaN;
            long floorHeap = 0;
            long start;
            if (!only.equals("millwright")) {
                HeapPeak.reset();
                start = System.nanoTime();
                DataSource floorDatabase = freshDatabase(databases.resolve("floor"));
                floorStored = system == BenchSystem.MAXIMO
                        ? FloorSync.run(simulator.baseUrl(), "bench-key", pageSize, floorDatabase)
                        : ClientFloor.run(system, simulator.baseUrl(), pageSize, floorDatabase);
                floorSeconds = (System.nanoTime() - start) / 1e9;
                floorHeap = HeapPeak.peakMegabytes();
            }
            if (only.equals("floor")) {
                System.out.printf("floor: %,d records in %.1f s, %,.0f records/s, peak heap %d MB%n", floorStored,
                        floorSeconds, floorStored / floorSeconds, floorHeap);
                return;
            }

            // a database of its own, as the floor had: no compaction of the floor's data runs meanwhile
            DataSource database = freshDatabase(databases.resolve("millwright"));
            HeapPeak.reset();
            start = System.nanoTime();
            SyncRunRecord run = MillwrightSync.run(system, simulator.baseUrl(), pageSize, batchSize, sink, database);
            double millwrightSeconds = (System.nanoTime() - start) / 1e9;
            long millwrightHeap = HeapPeak.peakMegabytes();

            if (!run.state().equals(SyncRunRecord.DONE) || run.recordsRead() != records) {
                System.out.printf("Millwright run %s: written %d of %d (%s)%n", run.state(), run.recordsWritten(),
                        records, run.error());
                System.exit(1);
            }
            double floorRate = floorStored / floorSeconds;
            double millwrightRate = run.recordsRead() / millwrightSeconds;
            System.out.printf("%-34s %12s %9s %12s %15s%n", "", "records", "seconds", "records/s", "peak heap MB");
            String floorName = system == BenchSystem.MAXIMO ? "floor (HTTP + Jackson + JDBC loop)"
                    : "floor (protocol client + JDBC loop)";
            System.out.printf("%-34s %,12d %9.1f %,12.0f %15d%n", floorName, floorStored,
                    floorSeconds, floorRate, floorHeap);
            System.out.printf("%-34s %,12d %9.1f %,12.0f %15d%n", "millwright (full sync route)",
                    run.recordsRead(), millwrightSeconds, millwrightRate, millwrightHeap);
            System.out.printf("ratio millwright / floor: %.2f%n", millwrightRate / floorRate);
        }
    }

    private static DataSource freshDatabase(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        JdbcDataSource h2 = new JdbcDataSource();
        // the database stays open between connections, as behind a pool (a plain H2 data source reopens the file)
        h2.setURL("jdbc:h2:file:" + directory.toAbsolutePath().resolve("millwright") + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/millwright").load().migrate();
        return h2;
    }

    static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
