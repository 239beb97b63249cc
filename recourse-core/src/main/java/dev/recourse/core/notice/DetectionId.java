package dev.recourse.core.notice;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a detection. */
public record DetectionId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static DetectionId next(RandomGenerator random, Instant at) {
        return new DetectionId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
