package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a case. Random, so it is a pseudonym of the subject: public log entries name cases by it. */
public record CaseId(UUID value) {
    /** A fresh id. */
    public static CaseId next(RandomGenerator random) {
        return new CaseId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
