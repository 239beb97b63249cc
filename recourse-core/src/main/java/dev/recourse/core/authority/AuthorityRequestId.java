package dev.recourse.core.authority;

import dev.recourse.core.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one request of an authority in the register. */
public record AuthorityRequestId(UUID value) {
    /** A fresh id drawn from {@code random}, made at {@code at}: ids made later sort after it ({@link Ids#ordered}). */
    public static AuthorityRequestId next(RandomGenerator random, Instant at) {
        return new AuthorityRequestId(Ids.ordered(random, at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
