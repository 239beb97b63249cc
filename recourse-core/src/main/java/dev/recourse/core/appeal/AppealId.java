package dev.recourse.core.appeal;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies an appeal. */
public record AppealId(UUID value) {
    /** A fresh id. */
    public static AppealId next(RandomGenerator random) {
        return new AppealId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
