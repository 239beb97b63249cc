package dev.recourse.core.notice;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a detection. */
public record DetectionId(UUID value) {
    /** A fresh id. */
    public static DetectionId next(RandomGenerator random) {
        return new DetectionId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
