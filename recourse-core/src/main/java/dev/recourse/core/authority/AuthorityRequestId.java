package dev.recourse.core.authority;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one request of an authority in the register. */
public record AuthorityRequestId(UUID value) {
    /** A fresh id. */
    public static AuthorityRequestId next(RandomGenerator random) {
        return new AuthorityRequestId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
