package dev.recourse.core.appeal;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies an appeal. */
public record AppealId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static AppealId next(RandomGenerator random, Instant at) {
        return new AppealId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
