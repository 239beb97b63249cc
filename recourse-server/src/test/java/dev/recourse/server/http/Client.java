package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Calls a running API over HTTP, as a client would, with java.net.http. */
final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;

    Client(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Json.Obj json() {
            return (Json.Obj) Json.parseUtf8(body).orElseThrow();
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The fields a problem names in its errors, in order. */
        java.util.List<String> fields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (json().get("errors") instanceof Json.Arr errors) {
                errors.elements().forEach(e -> fields.add(((Json.Str) ((Json.Obj) e).get("field")).value()));
            }
            return fields;
        }

        /** The string member {@code name} of the JSON body. */
        String string(String name) {
            return ((Json.Str) json().get(name)).value();
        }
    }

    /** A request being put together. */
    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request key(String apiKey) {
            return header("Authorization", "Bearer " + apiKey);
        }

        Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request json(String text) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request json(Json value) {
            return json(new String(JsonText.utf8(value), StandardCharsets.UTF_8));
        }

        Request body(byte[] bytes) {
            body = bytes.clone();
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> replyHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> replyHeaders.put(name, String.join(", ", values)));
                return new Reply(response.statusCode(), replyHeaders, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Request get(String path) {
        return new Request("GET", path);
    }

    Request post(String path) {
        return new Request("POST", path);
    }

    Request method(String method, String path) {
        return new Request(method, path);
    }
}
