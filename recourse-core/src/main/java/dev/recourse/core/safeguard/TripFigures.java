package dev.recourse.core.safeguard;

import dev.recourse.core.subject.AccountId;
import java.time.Duration;
import java.util.Optional;

/**
 * The figures that tripped a circuit breaker, as they stood at the action that tripped it: enough to check the trip by
 * hand.
 *
 * @param cause which check tripped
 * @param rate the rule version's actions in the current minute, this one included
 * @param baseline the learned actions per minute (an exponentially weighted mean of earlier minutes)
 * @param history how many minutes the baseline has learned from; below the minimum the rate check does not apply
 * @param threshold the actions per minute above which the rate check trips: the larger of the floor and factor ×
 *     baseline
 * @param cap the absolute cap of actions per minute
 * @param cohort the owner whose subjects were acted on, for a cohort trip (personal data: never in public entries)
 * @param cohortSubjects how many different subjects of that owner were acted on within the window, this one included
 * @param cohortLimit how many subjects of one owner within the window trip the breaker
 * @param cohortWindow the cohort check's window
 */
public record TripFigures(TripCause cause, long rate, double baseline, long history, double threshold, long cap,
        Optional<AccountId> cohort, long cohortSubjects, long cohortLimit, Duration cohortWindow) {
    public TripFigures {
        if (rate < 1 || baseline < 0 || history < 0 || threshold < 0 || cap < 1 || cohortSubjects < 0 || cohortLimit < 1
                || !cohortWindow.isPositive()) {
            throw new IllegalArgumentException("trip figures are counts and rates of at least zero, a cap and limit of at least one");
        }
        if ((cause == TripCause.COHORT) != cohort.isPresent()) {
            throw new IllegalArgumentException("a cohort trip, and only one, names the cohort");
        }
    }
}
