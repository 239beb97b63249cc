package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a decision; it is also the decision's DSA {@code puid}. */
public record DecisionId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static DecisionId next(RandomGenerator random, Instant at) {
        return new DecisionId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
