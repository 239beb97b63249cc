package dev.recourse.core.subject;

import dev.recourse.core.Ids;

/**
 * A grouping the platform puts subjects in, as the platform names it: an organisation, a newsroom, a network of
 * accounts. Subjects of one network may have many owners; the circuit breakers count them together. It is the
 * platform's identifier, like a subject's: it belongs in private records, never in public log entries.
 *
 * @param value 1 to 500 characters without control characters
 */
public record NetworkId(String value) {
    public NetworkId {
        Ids.platformId("a network id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
