package dev.recourse.core.json;

import java.util.Arrays;

/**
 * A string with its canonical JSON (RFC 8785) bytes, quotes included, made once: for a member name or a value that is
 * written again and again (a record's component names, an enum's constants), so that {@link CanonicalWriter} copies
 * the bytes instead of escaping the string each time.
 */
public final class CanonicalString {
    private final String value;
    private final byte[] canonical;

    private CanonicalString(String value) {
        this.value = value;
        this.canonical = CanonicalWriter.canonical(value);
    }

    /**
     * The canonical string of {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} holds a lone surrogate
     */
    public static CanonicalString of(String value) {
        return new CanonicalString(value);
    }

    /** The string. */
    public String value() {
        return value;
    }

    /** The canonical bytes, quotes included; never changed, so MUST NOT be written to. */
    byte[] canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalString s && s.value.equals(value) && Arrays.equals(s.canonical, canonical);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
