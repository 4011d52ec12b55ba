package dev.arbiter.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that plays a misbehaving Arbiter: it answers whatever it is told
 * to (any status and body), accepts and never answers, or sends headers and stalls the body.
 * It counts the requests of every path.
 */
final class FakeArbiter implements AutoCloseable {

    static final String ALLOW = """
            {"decisionId":"0193c4e6-0000-7000-8000-000000000001","allow":true,"policy":"p","rule":"r",\
            "revision":7,"reason":"allowed by p/r"}""";

    /** How the fake answers a request. */
    private sealed interface Behaviour {}

    private record Answer(int status, String body) implements Behaviour {}

    private record Hang() implements Behaviour {}

    private record StallBody() implements Behaviour {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile Behaviour checks = new Answer(200, ALLOW);
    private volatile Behaviour ready = new Answer(200, "{\"status\":\"ready\"}");

    FakeArbiter() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Check calls are answered with this status and body. */
    FakeArbiter answer(int status, String body) {
        checks = new Answer(status, body);
        return this;
    }

    /** Check calls are read and never answered. */
    FakeArbiter hang() {
        checks = new Hang();
        return this;
    }

    /** Check calls get a 200 with a Content-Length of 100 bytes that never come. */
    FakeArbiter stallBody() {
        checks = new StallBody();
        return this;
    }

    /** {@code /health/ready} answers this status. */
    FakeArbiter ready(int status) {
        ready = new Answer(status, "{\"status\":\"" + (status == 200 ? "ready" : "degraded") + "\"}");
        return this;
    }

    int requests(String path) {
        return requests.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Behaviour behaviour = path.startsWith("/health") ? ready : checks;
        if (behaviour instanceof Answer answer) {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        if (behaviour instanceof StallBody) {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"allow\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
        }
        awaitClose();
        exchange.close();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
