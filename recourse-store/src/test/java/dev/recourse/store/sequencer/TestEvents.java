package dev.recourse.store.sequencer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Events for tests: each with a distinct public entry and a private record. */
public final class TestEvents {
    private static final AtomicLong COUNTER = new AtomicLong();
    public static final Instant WHEN = Instant.parse("2026-01-15T10:00:00Z");

    private TestEvents() {}

    /** An event of {@code type} whose entry, payload and private record name a fresh number. */
    public static NewEvent event(String type) {
        long n = COUNTER.incrementAndGet();
        byte[] salt = new byte[PrivateRecord.MIN_SALT_BYTES];
        salt[0] = (byte) n;
        return new NewEvent(type, WHEN,
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                ("{\"commit\":\"" + n + "\",\"type\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8),
                Optional.of(new PrivateRecord(salt, ("{\"person\":\"p" + n + "\"}").getBytes(StandardCharsets.UTF_8))));
    }

    /** A write of {@code count} events of type "decided" to {@code stream}. */
    public static Write write(String stream, ExpectedVersion expected, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event("decided"));
        }
        return new Write(stream, expected, events);
    }
}
