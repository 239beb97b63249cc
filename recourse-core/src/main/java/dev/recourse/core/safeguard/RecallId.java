package dev.recourse.core.safeguard;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one recall: every reversal it makes is keyed by it and the restriction reversed. */
public record RecallId(UUID value) {
    /** A fresh id. */
    public static RecallId next(RandomGenerator random) {
        return new RecallId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
