package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Jetty refuses before any route sees the request (a URL it cannot decode, a header section too large, a
 * chunked body over the limit) is answered as problem+json too. Sent over a raw socket: an HTTP client would refuse
 * to send such requests.
 */
class JettyProblemsTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    /** The status line, headers and body that the server answers to {@code request}, sent as it is. */
    private static String raw(String request) {
        try (Socket socket = new Socket(api.server().url().getHost(), api.server().url().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        Json.Obj problem = (Json.Obj) Json.parse(body).orElseThrow();
        assertThat(problem.get("status")).isEqualTo(Json.of(status));
        assertThat(problem.get("type")).isInstanceOf(Json.Str.class);
    }

    @Test
    void aUrlThatDoesNotDecodeIsABadRequestProblem() {
        assertProblem(raw("GET /v1/cases/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aHeaderSectionTooLargeIsAProblem() {
        String answer = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 431);
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeProblem() {
        StringBuilder request = new StringBuilder("POST /v1/notices HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + api.key(dev.recourse.server.http.auth.ApiRole.PLATFORM) + "\r\n"
                + "Idempotency-Key: chunked-413\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        assertProblem(raw(request.toString()), 413);
    }

    @Test
    void anUnsupportedHttpVersionIsAProblem() {
        assertProblem(raw("GET /health HTTP/7.0\r\nHost: localhost\r\n\r\n"), 505);
    }
}
