package dev.recourse.store.events;

import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        cache.read(NAME, events(1, 2), cache.epoch());

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

        cache.read(NAME, events(1, 5), cache.epoch());

        assertThat(cache.get(NAME)).isEmpty();
        cache.read(NAME, events(1, 6), cache.epoch());
        assertThat(cache.get(NAME)).contains(events(1, 6));
    }

    @Test
    void aStreamWithAnAppendInFlightIsNotServed() {
        cache.read(NAME, events(1, 2), cache.epoch());

        cache.appending(NAME);

        // The append may have committed already, and another thread seen its events: the cached prefix is stale.
        assertThat(cache.get(NAME)).isEmpty();
    }

    @Test
    void aSettledAppendIsServedWithTheEventsItTookIn() {
        cache.read(NAME, events(1, 2), cache.epoch());
        cache.appending(NAME);
        cache.appended(NAME, 2, events(3, 3));

        cache.settled(NAME);

        assertThat(cache.get(NAME)).contains(events(1, 3));
    }

    @Test
    void aStreamIsNotServedUntilEveryAppendInFlightSettled() {
        cache.read(NAME, events(1, 2), cache.epoch());
        cache.appending(NAME);
        cache.appending(NAME);
        cache.appended(NAME, 2, events(3, 3));

        cache.settled(NAME);

        assertThat(cache.get(NAME)).isEmpty();
        cache.settled(NAME);
        assertThat(cache.get(NAME)).contains(events(1, 3));
    }

    @Test
    void settlingAnAppendNeverAnnouncedIsABug() {
        assertThatThrownBy(() -> cache.settled(NAME)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShorterReadDoesNotReplaceALongerStream() {
        cache.read(NAME, events(1, 3), cache.epoch());

        cache.read(NAME, events(1, 2), cache.epoch());

        assertThat(cache.get(NAME)).contains(events(1, 3));
    }

    @Test
    void aForgottenStreamIsReadAgain() {
        cache.read(NAME, events(1, 3), cache.epoch());

        cache.forget(NAME);

        assertThat(cache.get(NAME)).isEmpty();
    }

    @Test
    void aReadBegunBeforeAnErasureIsNotKeptAfterIt() {
        long epoch = cache.epoch();
        cache.clear();

        cache.read(NAME, events(1, 3), epoch);

        assertThat(cache.get(NAME)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedStreamLeavesFirst() {
        cache.read("a", List.of(), cache.epoch());
        cache.read("b", List.of(), cache.epoch());
        cache.get("a");

        cache.read("c", List.of(), cache.epoch());

        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void aLargeCacheKeepsNoMoreStreamsThanItsCapacity() {
        StreamCache large = new StreamCache(1_024);
        for (int i = 0; i < 3_000; i++) {
            large.read("s-" + i, List.of(), large.epoch());
        }

        long kept = IntStream.range(0, 3_000).filter(i -> large.get("s-" + i).isPresent()).count();

        assertThat(kept).isBetween(1_000L, 1_024L);
        assertThat(large.get("s-2999")).isPresent();
    }

    @Test
    void anErasureEmptiesEveryPartOfALargeCache() {
        StreamCache large = new StreamCache(16_384);
        for (int i = 0; i < 1_000; i++) {
            large.appended("s-" + i, 0, events(1, 1));
        }

        large.clear();

        assertThat(IntStream.range(0, 1_000).filter(i -> large.get("s-" + i).isPresent())).isEmpty();
    }

    @Test
    void appendsFromManyThreadsAtOnceAreEachKept() throws Exception {
        StreamCache large = new StreamCache(16_384);
        List<Future<?>> appends = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2_000; i++) {
                String name = "s-" + i;
                appends.add(threads.submit(() -> {
                    large.appended(name, 0, events(1, 1));
                    large.appended(name, 1, events(2, 2));
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        }

        assertThat(IntStream.range(0, 2_000).mapToObj(i -> large.get("s-" + i)))
                .allSatisfy(stream -> assertThat(stream).contains(events(1, 2)));
    }
}
