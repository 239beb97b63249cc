package dev.recourse.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.entry.SampleEvents;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.EventStore.Appended;
import dev.recourse.core.port.EventStore.StreamAppend;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventStore} keeps. An adapter's test extends this class and returns a fresh, empty store
 * from {@link #emptyStore()}.
 */
public abstract class EventStoreContract {
    private static final StreamId A = StreamId.of(new NotifierId("alice"));
    private static final StreamId B = StreamId.of(new NotifierId("bob"));

    private EventStore store;

    /** A new store holding no events. */
    protected abstract EventStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    private static Event event(String notifier, int second) {
        return new NotifierEvent.NotifierWarned(new NotifierId(notifier), "warning " + second, Instant.ofEpochSecond(1_700_000_000L + second));
    }

    private List<RecordedEvent> stored(Appended appended) {
        assertThat(appended).isInstanceOf(Appended.Stored.class);
        return ((Appended.Stored) appended).events();
    }

    @Test
    void aNewStreamIsEmpty() {
        assertThat(store.read(A)).isEmpty();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @Test
    void appendedEventsGetVersionsFromOneAndPositionsFromZero() {
        List<RecordedEvent> first = stored(store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 1), event("alice", 2))))));
        assertThat(first).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(first).extracting(RecordedEvent::position).containsExactly(0L, 1L);
        List<RecordedEvent> second = stored(store.append(List.of(new StreamAppend(B, 0, List.of(event("bob", 3))))));
        assertThat(second).extracting(RecordedEvent::version).containsExactly(1L);
        assertThat(second).extracting(RecordedEvent::position).containsExactly(2L);
    }

    @Test
    void readsReturnWhatWasAppendedInOrder() {
        List<RecordedEvent> a = stored(store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 1))))));
        List<RecordedEvent> b = stored(store.append(List.of(new StreamAppend(B, 0, List.of(event("bob", 2))),
                new StreamAppend(A, 1, List.of(event("alice", 3))))));
        assertThat(store.read(A)).containsExactly(a.getFirst(), b.get(1));
        assertThat(store.readAll(0, 100)).containsExactly(a.getFirst(), b.getFirst(), b.get(1));
        assertThat(store.readAll(1, 1)).containsExactly(b.getFirst());
        assertThat(store.readAll(3, 10)).isEmpty();
    }

    @Test
    void aReadByTypeSelectsThoseTypesAndMovesPastTheOthers() {
        Event resumed = new NotifierEvent.NoticeProcessingResumed(new NotifierId("alice"), Instant.ofEpochSecond(1_700_000_002L));
        List<RecordedEvent> all = stored(store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 1), resumed, event("alice", 3), resumed)))));
        Set<Class<? extends Event>> warnings = Set.of(NotifierEvent.NotifierWarned.class);
        assertThat(store.readAll(0, 2, warnings)).isEqualTo(new EventStore.Selected(List.of(all.getFirst()), 2));
        assertThat(store.readAll(2, 10, warnings)).isEqualTo(new EventStore.Selected(List.of(all.get(2)), 4));
        assertThat(store.readAll(3, 1, warnings)).isEqualTo(new EventStore.Selected(List.of(), 4));
        assertThat(store.readAll(4, 10, warnings)).isEqualTo(new EventStore.Selected(List.of(), 4));
    }

    @Test
    void aWrongExpectedVersionStoresNothing() {
        stored(store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 1))))));
        Appended conflict = store.append(List.of(new StreamAppend(B, 0, List.of(event("bob", 2))),
                new StreamAppend(A, 0, List.of(event("alice", 3)))));
        assertThat(conflict).isEqualTo(new Appended.Conflict(A, 0, 1));
        assertThat(store.read(B)).isEmpty();
        assertThat(store.readAll(0, 100)).hasSize(1);
    }

    @Test
    void anExpectedVersionAheadOfTheStreamIsAConflict() {
        assertThat(store.append(List.of(new StreamAppend(A, 3, List.of(event("alice", 1)))))).isEqualTo(new Appended.Conflict(A, 3, 0));
    }

    @Test
    void positionsHaveNoGapsAfterAConflict() {
        stored(store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 1))))));
        store.append(List.of(new StreamAppend(A, 0, List.of(event("alice", 2)))));
        List<RecordedEvent> next = stored(store.append(List.of(new StreamAppend(A, 1, List.of(event("alice", 3))))));
        assertThat(next.getFirst().position()).isEqualTo(1L);
        assertThat(next.getFirst().version()).isEqualTo(2L);
    }

    @Test
    void eventsWithEveryKindOfValueReadBackEqual() {
        StreamId stream = new StreamId(StreamId.Kind.CASE, "content:sample");
        List<Event> samples = SampleEvents.all();
        stored(store.append(List.of(new StreamAppend(stream, 0, samples))));
        assertThat(store.read(stream)).extracting(RecordedEvent::event).containsExactlyElementsOf(samples);
        assertThat(store.readAll(0, 10)).extracting(RecordedEvent::event).containsExactlyElementsOf(samples);
    }

    @Test
    void eventsReadBackEqualTheEventsAppended() {
        Event e = event("alice", 7);
        stored(store.append(List.of(new StreamAppend(A, 0, List.of(e)))));
        assertThat(store.read(A).getFirst().event()).isEqualTo(e);
        assertThat(store.read(A).getFirst().stream()).isEqualTo(A);
    }
}
