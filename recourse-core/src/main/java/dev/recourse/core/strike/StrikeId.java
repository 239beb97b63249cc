package dev.recourse.core.strike;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a strike. */
public record StrikeId(UUID value) {
    /** A fresh id. */
    public static StrikeId next(RandomGenerator random) {
        return new StrikeId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
