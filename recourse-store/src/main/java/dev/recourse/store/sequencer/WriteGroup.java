package dev.recourse.store.sequencer;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes to several streams that are stored together or not at all: every write's expected version
 * is checked, and if one does not hold, none of the group's events is stored.
 *
 * @param writes one to {@value Write#MAX_EVENTS} writes, each to a different stream, at most
 *     {@value Write#MAX_EVENTS} events in all; their events get consecutive positions in this order
 */
public record WriteGroup(List<Write> writes) {
    public WriteGroup {
        writes = List.copyOf(Objects.requireNonNull(writes, "writes"));
        if (writes.isEmpty()) {
            throw new IllegalArgumentException("a group holds at least one write");
        }
        Set<String> streams = new HashSet<>();
        long events = 0;
        for (Write write : writes) {
            if (!streams.add(write.streamId())) {
                throw new IllegalArgumentException("a group writes each stream once, not " + write.streamId() + " twice");
            }
            events += write.events().size();
        }
        if (events > Write.MAX_EVENTS) {
            throw new IllegalArgumentException("a group holds at most " + Write.MAX_EVENTS + " events, not " + events);
        }
    }

    /** A group of one write. */
    public static WriteGroup of(Write write) {
        return new WriteGroup(List.of(write));
    }
}
