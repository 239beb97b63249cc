package dev.recourse.core.notice;

import dev.recourse.core.Ids;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies a notice. */
public record NoticeId(UUID value) {
    /** A fresh id. */
    public static NoticeId next(RandomGenerator random) {
        return new NoticeId(Ids.uuid(random));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
