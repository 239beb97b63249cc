package dev.recourse.store.sequencer;

import java.util.List;
import java.util.Objects;

/**
 * Events to append to one stream, all or none, if the stream is at the expected version.
 *
 * @param streamId the stream, not blank, without NUL characters (PostgreSQL text cannot hold them)
 * @param expected what the stream's version must be before the write
 * @param events one to {@value #MAX_EVENTS} events, in order; copied
 */
public record Write(String streamId, ExpectedVersion expected, List<NewEvent> events) {
    /** The most events one write may hold. */
    public static final int MAX_EVENTS = 10_000;

    public Write {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(expected, "expected");
        events = List.copyOf(events);
        if (streamId.isBlank() || streamId.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a stream id is not blank and holds no NUL character");
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a write holds 1 to " + MAX_EVENTS + " events, not " + events.size());
        }
    }
}
