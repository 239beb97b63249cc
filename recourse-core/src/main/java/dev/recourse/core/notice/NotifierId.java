package dev.recourse.core.notice;

import dev.recourse.core.Ids;

/** Who sent a user or trusted-flagger notice, as the platform or the flagger register identifies them. Personal data. */
public record NotifierId(String value) {
    public NotifierId {
        Ids.platformId("a notifier id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
