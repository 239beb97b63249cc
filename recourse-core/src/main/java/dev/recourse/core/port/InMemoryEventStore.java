package dev.recourse.core.port;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@link EventStore} in memory, for tests and demonstrations; thread-safe, lost on exit. */
public final class InMemoryEventStore implements EventStore {
    private final List<RecordedEvent> all = new ArrayList<>();
    private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();

    @Override
    public synchronized Appended append(List<StreamAppend> appends) {
        for (StreamAppend a : appends) {
            long actual = streams.getOrDefault(a.stream(), List.of()).size();
            if (actual != a.expectedVersion()) {
                return new Appended.Conflict(a.stream(), a.expectedVersion(), actual);
            }
        }
        if (appends.stream().map(StreamAppend::stream).distinct().count() != appends.size()) {
            throw new IllegalArgumentException("one append per stream");
        }
        List<RecordedEvent> stored = new ArrayList<>();
        for (StreamAppend a : appends) {
            List<RecordedEvent> stream = streams.computeIfAbsent(a.stream(), s -> new ArrayList<>());
            for (Event e : a.events()) {
                RecordedEvent r = new RecordedEvent(all.size(), a.stream(), stream.size() + 1, e);
                stream.add(r);
                all.add(r);
                stored.add(r);
            }
        }
        return new Appended.Stored(stored);
    }

    @Override
    public synchronized List<RecordedEvent> read(StreamId stream) {
        return List.copyOf(streams.getOrDefault(stream, List.of()));
    }

    @Override
    public synchronized List<RecordedEvent> readAll(long from, int limit) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException("from and limit are at least 0");
        }
        int start = (int) Math.min(from, all.size());
        return List.copyOf(all.subList(start, (int) Math.min(all.size(), (long) start + limit)));
    }
}
