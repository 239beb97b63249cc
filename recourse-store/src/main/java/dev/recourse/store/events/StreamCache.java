package dev.recourse.store.events;

import dev.recourse.core.event.RecordedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streams read or written lately, so that the core's next command on a case need not read it again: the case
 * a notice opened is read back at once by the decision that follows.
 *
 * <p>It stays exact because events never change and a stream only grows: what was read or appended is a prefix of
 * the stream, kept until something longer replaces it. An append extends a cached stream if the stream held exactly
 * what is cached (the expected version the append was checked against); otherwise the cache notes how long the stream
 * is at least, so that a read that started before the append and ends after it is not taken for the current stream.
 * If another process appends to a stream, the cache may miss those events until this process's own append to the
 * stream conflicts, which forgets it; the core then reads it again. Erasure empties it, since erased events read back
 * differently.
 *
 * <p>At most {@code capacity} streams, the least recently used leaving first. Thread-safe.
 */
final class StreamCache {
    /** What is known of a stream: its events, or only that it holds at least {@code length} of them. */
    private record Known(List<RecordedEvent> events, long length) {
        boolean complete() {
            return events != null;
        }
    }

    private final Map<String, Known> streams;

    StreamCache(int capacity) {
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached events of {@code stream}, if they are cached. */
    synchronized Optional<List<RecordedEvent>> get(String stream) {
        Known known = streams.get(stream);
        return known != null && known.complete() ? Optional.of(known.events()) : Optional.empty();
    }

    /** Keeps {@code events}, read from the database, unless the stream is known to be longer. */
    synchronized void read(String stream, List<RecordedEvent> events) {
        Known known = streams.get(stream);
        if (known == null || events.size() >= known.length() && !(known.complete() && known.events().size() > events.size())) {
            streams.put(stream, new Known(List.copyOf(events), events.size()));
        }
    }

    /**
     * Takes in {@code events}, appended to {@code stream} after its version was checked to be {@code expectedVersion}.
     */
    synchronized void appended(String stream, long expectedVersion, List<RecordedEvent> events) {
        Known known = streams.get(stream);
        long length = expectedVersion + events.size();
        if (expectedVersion == 0) {
            streams.put(stream, new Known(List.copyOf(events), length));
        } else if (known != null && known.complete() && known.events().size() == expectedVersion) {
            List<RecordedEvent> longer = new ArrayList<>((int) length);
            longer.addAll(known.events());
            longer.addAll(events);
            streams.put(stream, new Known(List.copyOf(longer), length));
        } else {
            streams.put(stream, new Known(null, length));
        }
    }

    /** Forgets {@code stream}: it changed in a way the cache did not see. */
    synchronized void forget(String stream) {
        streams.remove(stream);
    }

    /** Forgets every stream. */
    synchronized void clear() {
        streams.clear();
    }
}
