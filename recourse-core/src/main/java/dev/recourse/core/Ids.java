package dev.recourse.core;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Fresh identifiers from an injected source of randomness, so that tests can repeat them. */
public final class Ids {
    private Ids() {}

    /** The latest millisecond a version 7 UUID holds: its time takes 48 bits. */
    private static final long LAST_MILLISECOND = (1L << 48) - 1;

    /**
     * A version 7 UUID (RFC 9562, section 5.7) made at {@code at}: the Unix time in milliseconds in its first 48 bits,
     * then 74 bits drawn from {@code random}. Ids made one after the other sort one after the other (within a
     * millisecond, at random), so a database index over them takes each new id on its last pages, where a random id
     * lands on any page: measured on the write path, that halved PostgreSQL's CPU per decision (docs/benchmarks.md).
     *
     * @throws IllegalArgumentException if {@code at} is before 1970 or after the year 10889
     */
    public static UUID ordered(RandomGenerator random, Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > LAST_MILLISECOND) {
            throw new IllegalArgumentException("a version 7 UUID holds a time from 1970 to 10889, not " + at);
        }
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

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
