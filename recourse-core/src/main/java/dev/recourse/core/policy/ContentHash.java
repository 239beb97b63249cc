package dev.recourse.core.policy;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a piece of content (an image, a file, a text), as the platform computed it: what hash lists hold.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record ContentHash(String hex) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (!FORM.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hexadecimal digits, not \"" + hex + "\"");
        }
    }

    /** The hash of {@code sha256}, 32 bytes. */
    public static ContentHash of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 is 32 bytes, not " + sha256.length);
        }
        return new ContentHash(HexFormat.of().formatHex(sha256));
    }

    @Override
    public String toString() {
        return hex;
    }
}
