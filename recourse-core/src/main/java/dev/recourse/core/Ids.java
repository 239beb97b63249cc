package dev.recourse.core;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Fresh identifiers from an injected source of randomness, so that tests can repeat them. */
public final class Ids {
    private Ids() {}

    /** A random (version 4) UUID drawn from {@code random}. */
    public static UUID uuid(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Checks that a platform's identifier is 1 to 500 characters without control characters. */
    public static String platformId(String what, String value) {
        if (value.isEmpty() || value.length() > 500 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " is 1 to 500 characters without control characters");
        }
        return value;
    }

    /** Checks that a text for people is not blank. */
    public static String text(String what, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
