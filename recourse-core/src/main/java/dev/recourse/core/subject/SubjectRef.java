package dev.recourse.core.subject;

import dev.recourse.core.Ids;

/**
 * A subject as the platform knows it: its kind and the platform's identifier.
 *
 * @param platformId 1 to 500 characters without control characters
 */
public record SubjectRef(SubjectKind kind, String platformId) {
    public SubjectRef {
        Ids.platformId("a subject's platform id", platformId);
    }

    @Override
    public String toString() {
        // The kind's name in lower case, spelled out: this names the case's stream, on every command.
        String prefix = switch (kind) {
            case CONTENT -> "content:";
            case ACCOUNT -> "account:";
            case PAGE -> "page:";
        };
        return prefix + platformId;
    }
}
