package dev.recourse.bench.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latencies of the requests, per kind and in all, in microseconds: each from the request's scheduled start to
 * its answer, so that time spent waiting behind a slow server counts (no coordinated omission).
 */
final class Latencies {
    /** The longest latency kept exactly: ten minutes. */
    private static final long HIGHEST_MICROS = 600_000_000L;

    private final Map<Kind, Histogram> byKind = new EnumMap<>(Kind.class);
    private final Histogram all = histogram();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    Latencies() {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, histogram());
        }
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(HIGHEST_MICROS, 3);
    }

    /** A request of {@code kind} answered {@code nanos} after its scheduled start; {@code ok} if as expected. */
    void record(Kind kind, long nanos, boolean ok) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000));
        byKind.get(kind).recordValue(micros);
        all.recordValue(micros);
        answered.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
        }
    }

    /** How many requests were answered. */
    long answered() {
        return answered.get();
    }

    /** How many got another answer than expected, or none. */
    long failed() {
        return failed.get();
    }

    /** A request of {@code kind} that got no answer (the connection failed): counted as failed. */
    void lost(Kind kind, long nanos) {
        record(kind, nanos, false);
    }

    /** The 99th percentile of all so far, in milliseconds. */
    double p99Millis() {
        return all.getValueAtPercentile(99) / 1_000.0;
    }

    /** The figures as JSON members: {@code "read":{...},...,"all":{...}}. */
    String json() {
        StringBuilder out = new StringBuilder();
        for (Kind kind : Kind.values()) {
            out.append('"').append(kind.label()).append("\":").append(json(byKind.get(kind))).append(',');
        }
        return out.append("\"all\":").append(json(all)).toString();
    }

    private static String json(Histogram h) {
        return String.format(Locale.ROOT, "{\"count\":%d,\"p50Millis\":%.2f,\"p99Millis\":%.2f,\"p999Millis\":%.2f,\"maxMillis\":%.2f}",
                h.getTotalCount(), h.getValueAtPercentile(50) / 1_000.0, h.getValueAtPercentile(99) / 1_000.0,
                h.getValueAtPercentile(99.9) / 1_000.0, h.getMaxValue() / 1_000.0);
    }
}
