package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Identifies a case. A pseudonym of the subject (74 random bits after the millisecond the case was opened, which its
 * first log entry shows anyway): public log entries name cases by it.
 */
public record CaseId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static CaseId next(RandomGenerator random, Instant at) {
        return new CaseId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
