package dev.recourse.core.safeguard;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one recall: every reversal it makes is keyed by it and the restriction reversed. */
public record RecallId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static RecallId next(RandomGenerator random, Instant at) {
        return new RecallId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
