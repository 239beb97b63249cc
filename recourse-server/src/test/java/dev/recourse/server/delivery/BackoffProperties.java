package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Exponential backoff with jitter: within its bounds, never beyond the most attempts. */
class BackoffProperties {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Property
    void theWaitIsBetweenHalfTheDelayAndTheDelay(@ForAll @IntRange(min = 2, max = 100) int maxAttempts,
            @ForAll @IntRange(min = 1, max = 3600) int baseSeconds, @ForAll @IntRange(min = 0, max = 98) int failuresBefore,
            @ForAll long seed) {
        Backoff backoff = new Backoff(maxAttempts, Duration.ofSeconds(baseSeconds), Duration.ofHours(10).plusSeconds(baseSeconds));
        var retry = backoff.retryAt(failuresBefore, NOW, new SplittableRandom(seed));
        if (failuresBefore + 1 >= maxAttempts) {
            assertThat(retry).isEmpty();
            return;
        }
        Duration delay = backoff.delay(failuresBefore + 1);
        assertThat(retry.orElseThrow()).isBetween(NOW.plus(delay.dividedBy(2)), NOW.plus(delay));
    }

    @Property
    void theDelayDoublesUpToTheMost(@ForAll @IntRange(min = 1, max = 200) int failures,
            @ForAll @LongRange(min = 1, max = 86_400) long baseSeconds) {
        Backoff backoff = new Backoff(1000, Duration.ofSeconds(baseSeconds), Duration.ofHours(10).plusSeconds(baseSeconds));
        Duration delay = backoff.delay(failures);
        Duration next = backoff.delay(failures + 1);
        assertThat(next).isEqualTo(delay.multipliedBy(2).compareTo(backoff.max()) > 0 ? backoff.max() : delay.multipliedBy(2));
    }
}
