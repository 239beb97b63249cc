package dev.recourse.server.http;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the next page of a list starts: after the item at {@code after} in the list's order (a position, a number).
 * Clients MUST treat it as opaque; it is the position as 8 bytes big-endian in unpadded base64url (11 characters).
 *
 * @param after the last position of the page before, at least 0
 */
public record Cursor(long after) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{11}");

    public Cursor {
        if (after < 0) {
            throw new IllegalArgumentException("a cursor's position is at least 0, not " + after);
        }
    }

    /** The cursor as it goes in a {@code cursor} query parameter. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(after).array());
    }

    /** The cursor written as {@code text}, if it is the one spelling of one. */
    public static Optional<Cursor> parse(String text) {
        if (!FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        long after = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text)).getLong();
        if (after < 0) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(after);
        return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
    }
}
