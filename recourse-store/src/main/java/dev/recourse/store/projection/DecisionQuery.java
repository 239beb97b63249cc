package dev.recourse.store.projection;

import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which decisions a search of the public record finds: those that match every filter given; an empty filter matches
 * all.
 *
 * @param from decided on this day (UTC) or later
 * @param to decided on this day (UTC) or earlier
 * @param category with this category
 * @param ground on this ground
 * @param restriction with a restriction of this kind
 * @param automation automated this far
 * @param source started so
 * @param rule made or proposed by this rule, id@version
 * @param appeal whose appeals stand so
 */
public record DecisionQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Category> category,
                            Optional<DecisionGround> ground, Optional<RestrictionKind> restriction,
                            Optional<AutomatedDecision> automation, Optional<DecisionSource> source, Optional<String> rule,
                            Optional<AppealStatus> appeal) {
    /** Every decision. */
    public static final DecisionQuery ALL = new DecisionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public DecisionQuery {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the days run from " + from.get() + " to a later day, not to " + to.get());
        }
    }
}
