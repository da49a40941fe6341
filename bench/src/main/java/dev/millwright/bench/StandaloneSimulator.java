package dev.millwright.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.millwright.simulators.maximo.MaximoSimulatorMain;

/**
 * The Maximo simulator in a JVM of its own, so that its data set (a million work orders) is not counted in the
 * heap of the process being measured.
 */
final class StandaloneSimulator implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private StandaloneSimulator(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static StandaloneSimulator start(String apiKey, int workOrders, String heap) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                MaximoSimulatorMain.class.getName(), "--port", "0", "--api-key", apiKey,
                "--work-orders", Integer.toString(workOrders), "--purchase-orders", "1", "--inventory-items", "1",
                "--vendors", "1", "--assets", "1", "--history-days", "20");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("http://")) {
                drain(output);
                return new StandaloneSimulator(process, line.trim());
            }
        }
        process.destroy();
        throw new IOException("the simulator exited before printing its URL");
    }

    /** Keeps reading the child's output so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded: the simulator only logs
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
