package dev.recourse.core.notice;

import dev.recourse.core.Ids;

/** How to reach a person: their name and e-mail address. Personal data, only ever in private records. */
public record Contact(String name, String email) {
    public Contact {
        Ids.text("a contact's name", name);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address: \"" + email + "\"");
        }
    }
}
