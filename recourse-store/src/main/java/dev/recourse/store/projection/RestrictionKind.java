package dev.recourse.store.projection;

import dev.recourse.core.decision.Measure;

/** The kinds of restriction, as the rollups count them (the DSA's four kinds of decision). */
public enum RestrictionKind {
    /** Visibility of content: removed, disabled, demoted, age-restricted, labelled... */
    VISIBILITY,
    /** Monetary payments suspended or terminated. */
    MONETARY,
    /** The provision of the service suspended or terminated. */
    SERVICE,
    /** The account suspended or terminated. */
    ACCOUNT;

    /** The kind of {@code measure}. */
    public static RestrictionKind of(Measure measure) {
        return switch (measure) {
            case Measure.Visibility ignored -> VISIBILITY;
            case Measure.Monetary ignored -> MONETARY;
            case Measure.Service ignored -> SERVICE;
            case Measure.Account ignored -> ACCOUNT;
        };
    }
}
