package dev.recourse.core.decider;

import java.util.regex.Pattern;

/**
 * The public name of a moderator or reviewer: stable, and not their real name.
 *
 * @param value 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}
 */
public record Pseudonym(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Pseudonym {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a pseudonym is 1 to 64 of A-Z a-z 0-9 . _ -, not \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
