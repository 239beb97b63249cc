package dev.recourse.store.idempotency;

import java.util.Objects;

/**
 * An answer to a write as it is kept for retries: what the HTTP service answered, whole.
 *
 * @param status 200 to 499
 * @param contentType the media type, not blank
 * @param body the body's bytes; not copied: callers MUST NOT change them after handing them over
 * @param headers the further headers, as a JSON object of strings
 */
public record KeptAnswer(int status, String contentType, byte[] body, String headers) {
    public KeptAnswer {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
        if (status < 200 || status > 499) {
            throw new IllegalArgumentException("only answers 200 to 499 are kept, not " + status);
        }
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("an answer names its media type");
        }
    }
}
