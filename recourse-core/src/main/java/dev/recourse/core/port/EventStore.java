package dev.recourse.core.port;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import java.util.List;

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
