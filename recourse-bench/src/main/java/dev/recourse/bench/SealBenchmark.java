package dev.recourse.bench;

import dev.recourse.core.entry.EventCodec;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.CanonicalWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sealing events into their log entries, as the store does for every event it appends: the private record's canonical
 * JSON ({@link EventCodec#encode}), the whole entry with its salted commitment ({@link LogEntry#seal}), and the
 * canonical writer's strings alone. The events are real ones, every event of {@value #DECISIONS} decisions taken by the
 * core ({@link CoreDecisions}: nine events per decision), cycled through. The salt comes from a seeded
 * {@link SplittableRandom}, not the store's SecureRandom, so that the score is the sealing. The score is the time of
 * one event (or one string).
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar SealBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SealBenchmark {
    /** How many decisions' events the benchmark cycles through. */
    static final int DECISIONS = 256;

    /** The events, and the salts' source. */
    @State(Scope.Thread)
    public static class Events {
        Event[] events;
        SplittableRandom random;
        int next;

        @Setup
        public void setUp() {
            random = new SplittableRandom(0x5eed_5ea1L);
            List<RecordedEvent> recorded = CoreDecisions.take(DECISIONS, random);
            events = recorded.stream().map(RecordedEvent::event).toArray(Event[]::new);
        }

        Event next() {
            Event event = events[next];
            next = next + 1 == events.length ? 0 : next + 1;
            return event;
        }
    }

    /** Strings of one kind, as events hold them, written one after the other into a writer reset for each. */
    @State(Scope.Thread)
    public static class Strings {
        /** {@code ids}: plain ASCII ids and times; {@code text}: a person's text with escapes and non-ASCII letters. */
        @Param({"ids", "text"})
        public String kind;

        String[] strings;
        int next;

        @Setup
        public void setUp() {
            strings = switch (kind) {
                case "ids" -> new String[] {"post-4711", "2026-03-02T12:00:00Z", "3f1c2a4e-7b1d-4c2e-9a55-0e1f2d3c4b5a",
                        "DECISION_VISIBILITY_CONTENT_REMOVED", "https://social.example/posts/4711", "user-471@example.org"};
                case "text" -> new String[] {"§ 130 StGB (Volksverhetzung)",
                        "The post incites hatred against a religious group and calls for violence against its members.",
                        "Er schrieb: \"Ihr gehört nicht hierher\"\nund drohte den Nachbarn.", "تهدید به خشونت علیه همسایگان",
                        "Tab\tand backslash \\ and emoji 🙂 in one line."};
                default -> throw new IllegalArgumentException("no strings of kind " + kind);
            };
        }

        String next() {
            String s = strings[next];
            next = next + 1 == strings.length ? 0 : next + 1;
            return s;
        }
    }

    /** The private record of one event: its canonical JSON. */
    @Benchmark
    public byte[] encodeOneEvent(Events e) {
        return EventCodec.encode(e.next());
    }

    /** The log entry of one event: private record, salt, commitment and public entry. */
    @Benchmark
    public LogEntry sealOneEvent(Events e) {
        return LogEntry.seal(e.next(), e.random);
    }

    /** One string, escaped and encoded as UTF-8. */
    @Benchmark
    public byte[] writeOneString(Strings s) {
        return new CanonicalWriter(256).string(s.next()).toByteArray();
    }
}
