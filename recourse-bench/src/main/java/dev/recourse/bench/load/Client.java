package dev.recourse.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * How the load generator talks HTTP/1.1 to the service: a GET or a JSON POST with an API key, the whole answer back.
 * Implementations MUST be safe for many threads at once and MUST NOT follow redirects or retry a request that reached
 * the server (a write is retried only if nothing of it was sent; its Idempotency-Key makes even that harmless).
 */
sealed interface Client extends AutoCloseable permits SocketClient, JdkClient {
    /** An answer: its status and body. */
    record Reply(int status, byte[] body) {}

    /** Which client to use. */
    enum Choice {
        /** {@link SocketClient}: keep-alive HTTP/1.1 over plain sockets, the least CPU per request. */
        SOCKET,
        /** {@link JdkClient}: {@code java.net.http}, as the generator used before; its own CPU is about a third of a read's. */
        JDK;

        /** The client of this choice for the service at {@code base}. */
        Client open(URI base) {
            return switch (this) {
                case SOCKET -> new SocketClient(base);
                case JDK -> new JdkClient(base);
            };
        }

        /** Its name in options and results. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code GET path} with {@code Authorization: Bearer key}. */
    Reply get(String path, String key) throws IOException, InterruptedException;

    /** {@code POST path} of the JSON {@code body}, with the API key and an Idempotency-Key. */
    Reply post(String path, String key, String idempotencyKey, String body) throws IOException, InterruptedException;

    @Override
    void close();
}
