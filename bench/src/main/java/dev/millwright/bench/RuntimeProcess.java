package dev.millwright.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Millwright runtime (the built Quarkus application) in a process of its own, on a given database. */
final class RuntimeProcess implements AutoCloseable {

    static final String ADMIN_KEY = "bench-admin-key";
    private static final String ENCRYPTION_KEY = "YmVuY2gtZW5jcnlwdGlvbi1rZXktMzItYnl0ZXMtISE=";

    private final Process process;
    private final String baseUrl;

    private RuntimeProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static RuntimeProcess start(Path runtimeJar, String jdbcUrl, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", runtimeJar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "MILLWRIGHT_DEMO_ENABLED", "false",
                "MILLWRIGHT_ADMIN_KEY", ADMIN_KEY,
                "MILLWRIGHT_ENCRYPTION_KEY", ENCRYPTION_KEY));
        Process process = builder.start();
        String baseUrl = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the runtime stopped at start; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return new RuntimeProcess(process, baseUrl);
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        process.destroyForcibly();
        throw new IOException("the runtime did not become ready in 3 minutes; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
