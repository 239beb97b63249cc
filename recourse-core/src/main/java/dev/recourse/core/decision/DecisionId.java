package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a decision; it is also the decision's DSA {@code puid}. */
public record DecisionId(UUID value) {
    /** A fresh id. */
    public static DecisionId next(RandomGenerator random) {
        return new DecisionId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
