package dev.recourse.server.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Not yet accepted by the receiver: waiting for its first or next attempt. */
    PENDING,
    /** Accepted by the receiver; for an action, not yet acknowledged by the platform. */
    DELIVERED,
    /** The platform acknowledged the action as applied. */
    APPLIED,
    /** The platform acknowledged the action as failed, with a reason. */
    FAILED,
    /** Given up after the most attempts: on the dead-letter list until replayed. */
    DEAD;

    /** Its name in the database and the API. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state called {@code name} in the database and the API. */
    public static Optional<DeliveryState> named(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }
}
