package dev.recourse.store.sequencer;

import java.util.Objects;

/**
 * An event's personal data, and the salt of its commitment {@code SHA-256(salt || content)} in the
 * public entry. Both are kept until erased; the affected person receives both with their notice.
 *
 * <p>The arrays are not copied, to keep the write path lean: callers MUST NOT change them after
 * handing them over.
 *
 * @param salt at least 16 random bytes
 * @param content the canonical private record
 */
public record PrivateRecord(byte[] salt, byte[] content) {
    /** The fewest salt bytes that keep the commitment from being guessed. */
    public static final int MIN_SALT_BYTES = 16;

    public PrivateRecord {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(content, "content");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("a salt is at least " + MIN_SALT_BYTES + " bytes, not " + salt.length);
        }
    }
}
