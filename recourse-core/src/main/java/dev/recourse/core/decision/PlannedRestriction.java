package dev.recourse.core.decision;

import java.time.Instant;
import java.util.Optional;

/**
 * A restriction a decider asks for; the core gives it an id when the decision takes effect.
 *
 * @param measure what it does
 * @param scope where it applies
 * @param endsAt when it expires by itself; empty for indefinite
 */
public record PlannedRestriction(Measure measure, TerritorialScope scope, Optional<Instant> endsAt) {
    /** An indefinite restriction everywhere. */
    public static PlannedRestriction everywhere(Measure measure) {
        return new PlannedRestriction(measure, TerritorialScope.EVERYWHERE, Optional.empty());
    }
}
