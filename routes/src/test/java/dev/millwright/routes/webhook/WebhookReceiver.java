package dev.millwright.routes.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1: a JDK HTTP server whose answer a test sets (status, delay, headers), keeping every
 * request it got with the status it answered. It can also be down: nothing listens on its port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request as received, and what it was answered. */
    record Received(String id, String timestamp, String signature, byte[] body, int status) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        boolean success() {
            return status / 100 == 2;
        }
    }

    /** How to answer: status, delay before answering, extra headers. */
    record Answer(int status, long delayMillis, Map<String, String> headers) {

        static Answer status(int status) {
            return new Answer(status, 0, Map.of());
        }
    }

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile Function<Integer, Answer> answers = n -> Answer.status(204);
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver that is up. */
    static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(freePort());
        receiver.up();
        return receiver;
    }

    /** A receiver that is down (nothing listens) until {@link #up()}. */
    static WebhookReceiver down() throws IOException {
        return new WebhookReceiver(freePort());
    }

    synchronized void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** How the n-th request to arrive (counted from 0) is answered from now on. */
    void answer(Function<Integer, Answer> answers) {
        this.answers = answers;
    }

    void answer(int status) {
        answer(n -> Answer.status(status));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx, in the order they were answered. */
    List<Received> delivered() {
        return received().stream().filter(Received::success).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Answer answer = answers.apply(arrivals.getAndIncrement());
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var headers = exchange.getRequestHeaders();
        synchronized (this) {
            // kept before answering: a test that saw the answer sees the request
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, answer.status()));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
