package dev.millwright.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * A system's simulator in a JVM of its own, so that its data set (a million work orders) is not counted in the
 * heap of the process being measured.
 */
final class StandaloneSimulator implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private StandaloneSimulator(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static StandaloneSimulator start(BenchSystem system, int records, String heap) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), system.simulatorMain.getName(), "--port", "0",
                system.countOption, Integer.toString(records)));
        command.addAll(system.simulatorArguments);
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
