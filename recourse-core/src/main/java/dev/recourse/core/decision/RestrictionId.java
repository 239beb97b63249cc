package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one restriction, so that the platform can apply and later lift exactly it. */
public record RestrictionId(UUID value) {
    /** A fresh id. */
    public static RestrictionId next(RandomGenerator random) {
        return new RestrictionId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
