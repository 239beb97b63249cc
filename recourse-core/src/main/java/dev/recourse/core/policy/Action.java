package dev.recourse.core.policy;

import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.TerritorialScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a rule asks for when it matches: restrictions, for how long, and where.
 *
 * @param measures at least one
 * @param duration how long the restrictions last; empty for indefinite; positive
 * @param scope where they apply
 */
public record Action(List<Measure> measures, Optional<Duration> duration, TerritorialScope scope) {
    public Action {
        measures = List.copyOf(measures);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("an action has at least one measure");
        }
        duration.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> {
            throw new IllegalArgumentException("a duration is positive, not " + d);
        });
    }

    /** The restrictions, beginning at {@code now}. */
    public List<PlannedRestriction> plan(Instant now) {
        Optional<Instant> ends = duration.map(now::plus);
        return measures.stream().map(m -> new PlannedRestriction(m, scope, ends)).toList();
    }

    /** Whether any measure acts on a whole account or page. */
    public boolean isAccountLevel() {
        return measures.stream().anyMatch(Measure::isAccountLevel);
    }
}
