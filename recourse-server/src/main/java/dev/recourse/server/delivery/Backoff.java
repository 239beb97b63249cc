package dev.recourse.server.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, up to a most attempts, after which it is
 * dead. After the n-th failure the delay is {@code base * 2^(n-1)}, at most {@code max}, and the wait a uniformly
 * random time between half the delay and the whole of it, so that receivers coming back are not hit by every
 * delivery at once.
 *
 * @param maxAttempts the most attempts of a delivery (since it was made or last replayed), at least 1
 * @param base the delay after the first failure, positive
 * @param max the longest delay, at least {@code base}
 */
public record Backoff(int maxAttempts, Duration base, Duration max) {
    public Backoff {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff has at least one attempt and 0 < base <= max");
        }
    }

    /**
     * When to try again after a failure at {@code now} that follows {@code failuresBefore} failures; empty when that
     * was the last attempt.
     */
    public Optional<Instant> retryAt(int failuresBefore, Instant now, RandomGenerator random) {
        int failures = failuresBefore + 1;
        if (failures >= maxAttempts) {
            return Optional.empty();
        }
        long delay = delay(failures).toMillis();
        long half = delay / 2;
        return Optional.of(now.plusMillis(delay - half + random.nextLong(half + 1)));
    }

    /** The delay after the {@code failures}-th failure, before jitter. */
    Duration delay(int failures) {
        // Doubling past 2^40 of any positive base exceeds every max a setting allows.
        int doublings = Math.min(failures - 1, 40);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
