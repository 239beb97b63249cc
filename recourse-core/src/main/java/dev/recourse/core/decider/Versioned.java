package dev.recourse.core.decider;

import java.util.regex.Pattern;

/**
 * A named, versioned thing an automated decision relied on: a rule, a keyword or hash list, a classifier model.
 *
 * @param name 1 to 128 characters from {@code A-Z a-z 0-9 . _ - /}
 * @param version 1 to 64 characters from {@code A-Z a-z 0-9 . _ - +}
 */
public record Versioned(String name, String version) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    public Versioned {
        if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a versioned name: \"" + name + "@" + version + "\"");
        }
    }

    /**
     * The versioned name {@code text} spells as {@code name@version}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static Versioned parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("not a versioned name (name@version): \"" + text + "\"");
        }
        return new Versioned(text.substring(0, at), text.substring(at + 1));
    }

    /** {@code name@version}. */
    @Override
    public String toString() {
        return name + "@" + version;
    }
}
