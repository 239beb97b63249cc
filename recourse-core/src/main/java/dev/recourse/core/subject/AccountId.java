package dev.recourse.core.subject;

import dev.recourse.core.Ids;

/**
 * A platform account, as the platform identifies it. It identifies a person, so it is personal data: it belongs in
 * private records, never in public log entries.
 */
public record AccountId(String value) {
    public AccountId {
        Ids.platformId("an account id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
