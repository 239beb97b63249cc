package dev.recourse.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link Client} over {@code java.net.http}, HTTP/1.1 on virtual threads. */
final class JdkClient implements Client {
    private final URI base;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    JdkClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Reply get(String path, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key).GET());
    }

    @Override
    public Reply post(String path, String key, String idempotencyKey, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.timeout(SocketClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        client.close();
        threads.close();
    }
}
