package dev.recourse.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@link Client} speaking HTTP/1.1 over plain sockets, each connection kept alive and reused by one request at a time:
 * the measuring instrument should cost little next to what it measures, and {@code java.net.http}'s selector thread,
 * futures and header maps cost about a third of a read's CPU. It understands what the service sends (a status line,
 * headers, a body of {@code Content-Length} bytes or chunked) and nothing more: no TLS, no redirects, no compression.
 * A request on a kept connection that ends before any byte of its answer (the server closed it while idle) is sent
 * once more on a new connection; every other failure is the caller's.
 */
final class SocketClient implements Client {
    /** How long a request may wait for its answer (and a connection for its opening, a sixth of that). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final InetSocketAddress address;
    private final String hostHeader;
    /** Connections waiting for a request: the last used first, so that few stay warm. */
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    SocketClient(URI base) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("the socket client speaks plain http to a host, not " + base);
        }
        int port = base.getPort() == -1 ? 80 : base.getPort();
        this.address = new InetSocketAddress(base.getHost(), port);
        this.hostHeader = base.getHost() + ":" + port;
    }

    @Override
    public Reply get(String path, String key) throws IOException {
        return exchange(ascii("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + key + "\r\n\r\n"));
    }

    @Override
    public Reply post(String path, String key, String idempotencyKey, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ascii("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Length: "
                + content.length + "\r\n\r\n");
        byte[] request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return exchange(request);
    }

    private Reply exchange(byte[] request) throws IOException {
        Connection kept = idle.pollFirst();
        if (kept != null) {
            try {
                return exchange(kept, request);
            } catch (Closed e) {
                // The server closed it while it waited here; nothing of this request was answered.
            }
        }
        return exchange(connect(), request);
    }

    private Reply exchange(Connection connection, byte[] request) throws IOException {
        try {
            Reply reply = connection.exchange(request);
            if (connection.keepAlive) {
                idle.offerFirst(connection);
            } else {
                close(connection);
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) TIMEOUT.toMillis() / 6);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            Connection connection = new Connection(socket);
            open.add(connection);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void close(Connection connection) {
        open.remove(connection);
        try {
            connection.socket.close();
        } catch (IOException e) {
            // Closing a socket that failed: what failed was already reported to the caller.
        }
    }

    @Override
    public void close() {
        idle.clear();
        for (Connection connection : open) {
            close(connection);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A kept connection the server had closed: it ended before the answer's first byte. */
    private static final class Closed extends IOException {
        Closed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One connection; one request at a time. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean keepAlive = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Reply exchange(byte[] request) throws IOException {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (IOException e) {
                throw new Closed("the connection failed before its answer: " + e.getMessage(), e);
            }
            if (first < 0) {
                throw new Closed("the server closed the connection", null);
            }
            String status = line(first);
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("not an HTTP/1.x status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            keepAlive = status.startsWith("HTTP/1.1");
            long length = -1;
            boolean chunked = false;
            for (String header = line(in.read()); !header.isEmpty(); header = line(in.read())) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    throw new IOException("not a header: " + header);
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive &= !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] body;
            if (code < 200 || code == 204 || code == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = chunks();
            } else if (length >= 0) {
                body = exactly(length);
            } else {
                keepAlive = false;
                body = in.readAllBytes();
            }
            return new Reply(code, body);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in.read());
                int extension = size.indexOf(';');
                long n = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (n == 0) {
                    while (!line(in.read()).isEmpty()) {
                        // trailers: none expected, none kept
                    }
                    return body.toByteArray();
                }
                body.write(exactly(n));
                if (!line(in.read()).isEmpty()) {
                    throw new IOException("a chunk did not end with CRLF");
                }
            }
        }

        private byte[] exactly(long n) throws IOException {
            if (n > Integer.MAX_VALUE - 8) {
                throw new IOException("an answer of " + n + " bytes is more than this client takes");
            }
            byte[] bytes = in.readNBytes((int) n);
            if (bytes.length < n) {
                throw new EOFException("the answer ended after " + bytes.length + " of " + n + " bytes");
            }
            return bytes;
        }

        /** The line that starts with {@code first} (already read), without its CRLF. */
        private String line(int first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = first; b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the answer ended inside a line");
                }
                line.append((char) b);
            }
            int end = line.length();
            return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
        }
    }
}
