package dev.recourse.store.projection;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;

/**
 * Where a page of a queue ended: the next page starts after it. Its {@link #token()} is the text
 * to hand to clients, who hand it back unchanged.
 *
 * @param position the position of the event that queued the page's last item, at least 0
 */
public record Cursor(long position) {
    public Cursor {
        if (position < 0) {
            throw new IllegalArgumentException("a cursor's position is at least 0, not " + position);
        }
    }

    /** The cursor as text: the position in decimal. */
    public String token() {
        return Long.toString(position);
    }

    /** The cursor {@code token} names, or why it names none; never throws. */
    public static Parsed<Cursor> parse(String token) {
        return switch (Canonical.parseDecimal(token)) {
            case Parsed.Ok<Long> ok -> Parsed.ok(new Cursor(ok.value()));
            case Parsed.Malformed<Long> ignored -> Parsed.malformed("a cursor is a decimal number without leading zeros");
        };
    }
}
