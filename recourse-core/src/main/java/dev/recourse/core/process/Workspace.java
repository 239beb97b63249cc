package dev.recourse.core.process;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.EventStore.StreamAppend;
import java.util.ArrayList;
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

    /** The stream's events: those stored, then those decided in this attempt. */
    List<Event> history(StreamId stream) {
        List<Event> events = new ArrayList<>(read.computeIfAbsent(stream, s -> store.read(s).stream().map(RecordedEvent::event).toList()));
        events.addAll(decided.getOrDefault(stream, List.of()));
        return events;
    }

    void emit(StreamId stream, Event event) {
        history(stream); // read first, so that the expected version is known
        decided.computeIfAbsent(stream, s -> new ArrayList<>()).add(event);
    }

    List<StreamAppend> batch() {
        List<StreamAppend> batch = new ArrayList<>();
        decided.forEach((stream, events) -> batch.add(new StreamAppend(stream, read.get(stream).size(), events)));
        return batch;
    }
}
