package dev.recourse.tlog.tile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a log served over HTTP under a URL prefix, as C2SP tlog-tiles specifies:
 * {@code <prefix>/checkpoint} and {@code <prefix>/tile/...}. A 404 means the log does not have
 * the resource; any other non-200 answer is an I/O failure.
 */
public final class HttpTiles implements TileReader {
    private final HttpClient client;
    private final URI prefix;
    private final Duration timeout;

    /** Reads the log under {@code prefix} (with or without a trailing slash). */
    public HttpTiles(HttpClient client, URI prefix, Duration timeout) {
        String text = prefix.toString();
        this.client = client;
        this.prefix = URI.create(text.endsWith("/") ? text : text + "/");
        this.timeout = timeout;
    }

    @Override
    public Optional<byte[]> read(Tile tile) throws IOException {
        return get(tile.path());
    }

    @Override
    public Optional<String> readCheckpoint() throws IOException {
        return get("checkpoint").map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return prefix.toString();
    }

    private Optional<byte[]> get(String path) throws IOException {
        URI uri = prefix.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        } catch (IOException e) {
            // The client's exceptions often say neither what was fetched nor, for a refused connection, anything.
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("GET " + uri + " failed: " + why, e);
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> Optional.empty();
            default -> throw new IOException("GET " + uri + " answered " + response.statusCode());
        };
    }
}
