package dev.recourse.store.events;

import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The event store's cache of streams under the traffic of a group commit: many submitters at once each take in their
 * append and read their stream back, as the core does for a notice and the decision that follows it. Eight threads on
 * {@value #STREAMS} streams in a cache as large as the store's. The score is the time of one append and one read.
 *
 * <p>In the store's package because the cache is package-private. Run from the shaded jar:
 * {@code java -jar recourse-bench/target/benchmarks.jar StreamCacheBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(8)
public class StreamCacheBenchmark {
    /** How many streams the threads share; a power of two. */
    static final int STREAMS = 1 << 12;

    /** The cache, shared by every thread, as the store's. */
    @State(Scope.Benchmark)
    public static class Shared {
        StreamCache cache;
        String[] names;
        List<RecordedEvent> events;

        @Setup
        public void setUp() {
            cache = new StreamCache(16_384);
            names = new String[STREAMS];
            for (int i = 0; i < STREAMS; i++) {
                names[i] = StreamId.of(new NotifierId("user-" + i)).toString();
            }
            StreamId stream = StreamId.of(new NotifierId("user-0"));
            events = List.of(new RecordedEvent(1, stream, 1, new NotifierEvent.NotifierWarned(new NotifierId("user-0"), "warning",
                    Instant.parse("2026-03-02T12:00:00Z"))));
        }
    }

    /** Where each thread is in the streams. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setUp() {
            next = (int) (Thread.currentThread().threadId() * 977);
        }
    }

    /** A new stream of one event taken in, then read back. */
    @Benchmark
    public Object appendThenRead(Shared s, Cursor c) {
        String name = s.names[c.next++ & (STREAMS - 1)];
        s.cache.appended(name, 0, s.events);
        return s.cache.get(name);
    }
}
