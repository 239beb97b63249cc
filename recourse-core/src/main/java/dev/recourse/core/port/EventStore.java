package dev.recourse.core.port;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import java.util.List;
import java.util.Set;

/**
 * Where events are kept: the source of truth.
 *
 * <p>Contract (checked by {@code EventStoreContract} in the test jar):
 * <ul>
 *   <li>{@link #append} is all or nothing: every stream's version MUST equal its expected version, else nothing is
 *       stored and the first conflict is returned;</li>
 *   <li>appended events get versions that continue their stream (from 1) and global positions that continue the
 *       store (from 0) without gaps, in the order given;</li>
 *   <li>what an append returned is what later reads return, in the same order; events are never changed or removed.</li>
 * </ul>
 */
public interface EventStore {
    /** Appends events to one or more streams at once. */
    Appended append(List<StreamAppend> appends);

    /** Every event of {@code stream}, in version order; empty for a stream never written. */
    List<RecordedEvent> read(StreamId stream);

    /** Up to {@code limit} events with position {@code >= from}, in position order. */
    List<RecordedEvent> readAll(long from, int limit);

    /**
     * Of the events {@link #readAll(long, int) readAll(from, limit)} returns, those of {@code types}, in position order,
     * and the position after the last of them all: a reader that wants only some types passes over the others without
     * their being read (a store MAY leave them undecoded), and continues from {@link Selected#next()}.
     */
    default Selected readAll(long from, int limit, Set<Class<? extends Event>> types) {
        List<RecordedEvent> all = readAll(from, limit);
        long next = all.isEmpty() ? from : all.getLast().position() + 1;
        return new Selected(all.stream().filter(e -> types.contains(e.event().getClass())).toList(), next);
    }

    /**
     * Events selected by type from a run of positions.
     *
     * @param events the selected events, in position order
     * @param next the position after the run looked at; the {@code from} it was read from when there was nothing
     */
    record Selected(List<RecordedEvent> events, long next) {
        public Selected {
            events = List.copyOf(events);
            if (next < 0 || !events.isEmpty() && events.getLast().position() >= next) {
                throw new IllegalArgumentException("the selected events lie before the next position " + next);
            }
        }
    }

    /**
     * Events for one stream, expected to be at {@code expectedVersion} (the number of events it holds; 0 for new).
     */
    record StreamAppend(StreamId stream, long expectedVersion, List<Event> events) {
        public StreamAppend {
            events = List.copyOf(events);
            if (expectedVersion < 0 || events.isEmpty()) {
                throw new IllegalArgumentException("an append has at least one event and an expected version >= 0");
            }
        }
    }

    /** The result of an append. */
    sealed interface Appended {
        /** Everything was stored, as recorded here in order. */
        record Stored(List<RecordedEvent> events) implements Appended {
            public Stored {
                events = List.copyOf(events);
            }
        }

        /** Nothing was stored: {@code stream} was at {@code actualVersion}, not {@code expectedVersion}. */
        record Conflict(StreamId stream, long expectedVersion, long actualVersion) implements Appended {}
    }
}
