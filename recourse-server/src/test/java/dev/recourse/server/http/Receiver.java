package dev.recourse.server.http;

import com.sun.net.httpserver.HttpServer;
import dev.recourse.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's webhook receiver for tests: the JDK's HTTP server on a free port of 127.0.0.1, which keeps every
 * request it gets and answers each with the status a test sets.
 */
final class Receiver implements AutoCloseable {
    /** One request as it arrived. */
    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
                    .findFirst().orElseThrow(() -> new AssertionError("no header " + name));
        }

        Json.Obj json() {
            return (Json.Obj) Json.parseUtf8(body).orElseThrow();
        }

        /** The payload's {@code data} member. */
        Json.Obj data() {
            return (Json.Obj) json().get("data");
        }

        String type() {
            return ((Json.Str) json().get("type")).value();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
                exchange.sendResponseHeaders(status.get(), -1);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers the requests from now on with {@code code}. */
    void answer(int code) {
        status.set(code);
    }

    /** Every request so far to {@code path}, in the order they arrived. */
    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
