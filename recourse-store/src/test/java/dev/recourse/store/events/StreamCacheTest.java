package dev.recourse.store.events;

import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCacheTest {
    private static final StreamId STREAM = StreamId.of(new NotifierId("u-1"));
    private static final String NAME = STREAM.toString();

    private final StreamCache cache = new StreamCache(2);

    private static List<RecordedEvent> events(int from, int to) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int v = from; v <= to; v++) {
            events.add(new RecordedEvent(100 + v, STREAM, v, new NotifierEvent.NotifierWarned(new NotifierId("u-1"), "warning " + v,
                    Instant.ofEpochSecond(v))));
        }
        return events;
    }

    @Test
    void anAppendExtendsTheStreamItWasCheckedAgainst() {
        cache.read(NAME, events(1, 2));

        cache.appended(NAME, 2, events(3, 4));

        assertThat(cache.get(NAME)).contains(events(1, 4));
    }

    @Test
    void anAppendToANewStreamIsTheWholeStream() {
        cache.appended(NAME, 0, events(1, 2));

        assertThat(cache.get(NAME)).contains(events(1, 2));
    }

    @Test
    void anAppendToAStreamNotCachedIsNotTakenForTheWholeStream() {
        cache.appended(NAME, 5, events(6, 6));

        assertThat(cache.get(NAME)).isEmpty();
    }

    @Test
    void aReadThatStartedBeforeAnAppendDoesNotHideIt() {
        cache.appended(NAME, 5, events(6, 6));

        cache.read(NAME, events(1, 5));

        assertThat(cache.get(NAME)).isEmpty();
        cache.read(NAME, events(1, 6));
        assertThat(cache.get(NAME)).contains(events(1, 6));
    }

    @Test
    void aShorterReadDoesNotReplaceALongerStream() {
        cache.read(NAME, events(1, 3));

        cache.read(NAME, events(1, 2));

        assertThat(cache.get(NAME)).contains(events(1, 3));
    }

    @Test
    void aForgottenStreamIsReadAgain() {
        cache.read(NAME, events(1, 3));

        cache.forget(NAME);

        assertThat(cache.get(NAME)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedStreamLeavesFirst() {
        cache.read("a", List.of());
        cache.read("b", List.of());
        cache.get("a");

        cache.read("c", List.of());

        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }
}
