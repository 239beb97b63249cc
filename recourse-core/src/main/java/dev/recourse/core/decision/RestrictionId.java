package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one restriction, so that the platform can apply and later lift exactly it. */
public record RestrictionId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static RestrictionId next(RandomGenerator random, Instant at) {
        return new RestrictionId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
