package dev.recourse.core.process;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.EventStore.StreamAppend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt at a command: the streams read (with the version each was read at) and the events decided for
 * each, appended together at the end.
 */
final class Workspace {
    private final EventStore store;
    private final Map<StreamId, List<Event>> read = new LinkedHashMap<>();
    private final Map<StreamId, List<Event>> decided = new LinkedHashMap<>();

    Workspace(EventStore store) {
        this.store = store;
    }

    /**
     * The stream's events: those stored, then those decided in this attempt. Read only: the list stored is handed
     * out as it is when this attempt decided nothing for the stream, since the core folds histories far more often
     * than it adds to one.
     */
    List<Event> history(StreamId stream) {
        List<Event> stored = stored(stream);
        List<Event> mine = decided.get(stream);
        if (mine == null) {
            return stored;
        }
        List<Event> events = new ArrayList<>(stored.size() + mine.size());
        events.addAll(stored);
        events.addAll(mine);
        return Collections.unmodifiableList(events);
    }

    void emit(StreamId stream, Event event) {
        stored(stream); // read first, so that the expected version is known
        decided.computeIfAbsent(stream, s -> new ArrayList<>()).add(event);
    }

    /** The stream's events as stored, read once per attempt. */
    private List<Event> stored(StreamId stream) {
        List<Event> events = read.get(stream);
        if (events == null) {
            List<RecordedEvent> recorded = store.read(stream);
            Event[] stored = new Event[recorded.size()];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = recorded.get(i).event();
            }
            events = List.of(stored);
            read.put(stream, events);
        }
        return events;
    }

    List<StreamAppend> batch() {
        List<StreamAppend> batch = new ArrayList<>();
        decided.forEach((stream, events) -> batch.add(new StreamAppend(stream, read.get(stream).size(), events)));
        return batch;
    }
}
