package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * What an endpoint answers, whole: the status, the media type, the body and any further headers. An idempotent
 * write's answer is kept as it is and given again to a retry.
 *
 * @param status the HTTP status, 100 to 599
 * @param contentType the body's media type, with its charset where it has one
 * @param body the body's bytes; copied in and out
 * @param headers further headers, by name, in order
 */
public record Answer(int status, String contentType, byte[] body, SequencedMap<String, String> headers) {
    /** The media type of JSON answers. */
    public static final String JSON = "application/json";
    /** The media type of plain text answers. */
    public static final String TEXT = "text/plain; charset=utf-8";
    /** The media type of HTML pages. */
    public static final String HTML = "text/html; charset=utf-8";

    public Answer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
        }
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("an answer names its media type");
        }
        body = body.clone();
        headers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(headers));
    }

    /** {@code body} as JSON with {@code status}. */
    public static Answer json(int status, Json body) {
        return new Answer(status, JSON, JsonText.utf8(body), new LinkedHashMap<>());
    }

    /** {@code body} of {@code contentType} with {@code status}. */
    public static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, contentType, body, new LinkedHashMap<>());
    }

    /** {@code text} as plain UTF-8 text with {@code status}. */
    public static Answer text(int status, String text) {
        return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    /** {@code html}, a whole document, as a UTF-8 page with {@code status}. */
    public static Answer html(int status, String html) {
        return new Answer(status, HTML, html.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    /** This answer with the header {@code name} set to {@code value}. */
    public Answer withHeader(String name, String value) {
        SequencedMap<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, body, more);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Writes the body to {@code out}, without copying it first. */
    public void writeBody(OutputStream out) throws IOException {
        out.write(body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answer a && status == a.status && contentType.equals(a.contentType)
                && Arrays.equals(body, a.body) && headers.equals(a.headers);
    }

    @Override
    public int hashCode() {
        return (31 * status + contentType.hashCode()) * 31 + Arrays.hashCode(body) * 31 + headers.hashCode();
    }

    @Override
    public String toString() {
        return "Answer[" + status + " " + contentType + ", " + body.length + " bytes, headers " + headers.keySet() + "]";
    }
}
