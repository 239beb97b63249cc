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
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + platformId;
    }
}
