package dev.recourse.store.sequencer;

import dev.recourse.tlog.tile.Tile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to append, as opaque bytes the domain computed: the store neither reads nor changes them.
 *
 * <p>The arrays are not copied, to keep the write path lean: callers MUST NOT change them after
 * handing them over.
 *
 * <p>An event is equal only to itself, not to another with the same contents: appending the same
 * contents twice appends two events. A writer can so keep what it knows of each event it hands over
 * in a map keyed by the event, at the cost of an identity hash: the record's generated equality
 * compared the type, the time and the optional private record at every lookup, and hashed four
 * arrays by identity anyway.
 *
 * @param type the event's type name, not blank, without NUL characters
 * @param occurredAt when it happened, from the caller's clock; stored to the microsecond
 * @param payload the event without its personal data, which stays when erasure deletes the private
 *     record. It MUST NOT hold personal data, which erasure could not reach. Empty says that the
 *     private record holds no personal data: erasure then keeps it as the payload.
 * @param publicEntry the log entry: canonical JSON of the event's public part, 1 to 65,535 bytes
 * @param privateRecord the personal data and its salt, if the event has any
 * @param origin what the writer made the bytes from, if it says: handed back untouched with the
 *     committed batch, so that its admission and projections take the writer's own value instead of
 *     looking the event up in a map of their own (or decoding it). The sequencer never reads it.
 */
public record NewEvent(String type, Instant occurredAt, byte[] payload, byte[] publicEntry,
                       Optional<PrivateRecord> privateRecord, Optional<Object> origin) {
    /** An event whose writer keeps nothing with it. */
    public NewEvent(String type, Instant occurredAt, byte[] payload, byte[] publicEntry, Optional<PrivateRecord> privateRecord) {
        this(type, occurredAt, payload, publicEntry, privateRecord, Optional.empty());
    }

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(publicEntry, "publicEntry");
        Objects.requireNonNull(privateRecord, "privateRecord");
        Objects.requireNonNull(origin, "origin");
        if (type.isBlank() || type.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an event type is not blank and holds no NUL character");
        }
        if (publicEntry.length == 0 || publicEntry.length > Tile.Entries.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a public entry is 1 to " + Tile.Entries.MAX_ENTRY_BYTES
                    + " bytes, not " + publicEntry.length);
        }
    }

    /** Whether {@code other} is this very event. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    /** The identity hash, as {@link #equals} is identity. */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
