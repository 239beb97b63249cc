package dev.recourse.server.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a delivery goes. Each channel has its own queue of deliveries, retried on its own. */
public enum Channel {
    /** Actions to the platform (apply a restriction, lift it), by webhook; the platform acknowledges each. */
    ACTIONS,
    /** Messages to people, handed to the platform by webhook for in-app delivery. */
    MESSAGES,
    /** Messages to people with an e-mail address, over SMTP. */
    EMAIL;

    /** Its name in the database and the API: {@code actions}, {@code messages}, {@code email}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel called {@code name} in the database and the API. */
    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName().equals(name)).findFirst();
    }
}
