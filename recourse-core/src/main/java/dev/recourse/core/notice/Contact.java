package dev.recourse.core.notice;

import dev.recourse.core.Ids;
import java.util.regex.Pattern;

/** How to reach a person: their name and e-mail address. Personal data, only ever in private records. */
public record Contact(String name, String email) {
    /** Compiled once: {@code String.matches} compiled it for every contact, every notice taken and every one read back. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public Contact {
        Ids.text("a contact's name", name);
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("not an e-mail address: \"" + email + "\"");
        }
    }
}
