package dev.recourse.server.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limit in this node's memory: a token bucket per caller (an API key, or an address that has none): each
 * holds up to {@code burst} tokens and gains {@code perSecond} a second; a request takes one. With several nodes each
 * allows as much. Thread-safe.
 */
final class Buckets implements RateLimit {
    /** Buckets kept before the full ones are forgotten (a full bucket is the same as none). */
    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final int burst;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    /** {@code perSecond} requests a second with bursts of {@code burst}; 0 a second lets everything through. */
    Buckets(double perSecond, int burst, InstantSource clock) {
        if (perSecond < 0 || !Double.isFinite(perSecond) || burst < 1) {
            throw new IllegalArgumentException("a rate limit is at least 0 a second with bursts of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> take(String caller) {
        if (perSecond == 0) {
            return Optional.empty();
        }
        long now = nanos();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9)));
        }
    }

    /** Nothing: the full buckets are forgotten as they pile up. */
    @Override
    public int prune() {
        return 0;
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + (now - bucket.lastNanos) / 1e9 * perSecond);
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
