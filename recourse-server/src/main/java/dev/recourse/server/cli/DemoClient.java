package dev.recourse.server.cli;

import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo's platform integration: plain HTTP calls to the service's API with {@link HttpClient}, as a platform
 * makes them. Every write carries a fresh Idempotency-Key. An answer other than the one expected ends the demo with
 * what the service said.
 */
final class DemoClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final URI base;

    /** An answer: its status, its Location header if any, and its body as text. */
    record Reply(int status, Optional<String> location, String body) {
        /** The body as a JSON object. */
        Json.Obj json() {
            return (Json.Obj) Json.parse(body).orElseThrow();
        }

        /** The string member {@code name} of the JSON body. */
        String string(String name) {
            return ((Json.Str) json().get(name)).value();
        }

        /** The number member {@code name} of the JSON body, a whole number. */
        long number(String name) {
            return (long) ((Json.Num) json().get(name)).value();
        }
    }

    DemoClient(URI base) {
        this.base = base;
    }

    /** {@code POST path} with {@code body} and the key {@code key}; expects {@code expected}. */
    Reply post(String path, String key, Json body, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body))), expected);
    }

    /** {@code POST path} without a body, with the key {@code key}; expects {@code expected}. */
    Reply post(String path, String key, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.noBody()), expected);
    }

    /** {@code GET path}, with the key {@code key} if given; expects {@code expected}. */
    Reply get(String path, Optional<String> key, int... expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return send(request, expected);
    }

    /** Posts an HTML form of {@code fields} to {@code path}, as a browser does; expects {@code expected}. */
    Reply postForm(String path, Map<String, String> fields, int... expected) throws IOException, InterruptedException {
        String form = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), expected);
    }

    private Reply send(HttpRequest.Builder request, int... expected) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(TIMEOUT).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (int status : expected) {
            if (response.statusCode() == status) {
                return new Reply(status, response.headers().firstValue("Location"), response.body());
            }
        }
        throw new Failures.Failed("the demo's " + built.method() + " " + built.uri().getPath() + " was answered "
                + response.statusCode() + ": " + response.body().lines().limit(5).collect(Collectors.joining(" ")));
    }

    @Override
    public void close() {
        http.close();
    }
}
