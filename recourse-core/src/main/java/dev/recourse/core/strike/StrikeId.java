package dev.recourse.core.strike;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a strike. */
public record StrikeId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static StrikeId next(RandomGenerator random, Instant at) {
        return new StrikeId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
