package dev.recourse.core.safeguard;

import dev.recourse.core.json.Json;
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
 * @param cohortSubjects how many different subjects of {@code cohort} were acted on within the window, this one included
 * @param cohortLimit how many subjects of one cohort within the window trip the breaker
 * @param cohortWindow the cohort check's window
 * @param cohort the cohort of the acted-on subject that {@code cohortSubjects} counts: the one that tripped the cohort
 *     check, or else the largest of the subject's cohorts (the first of owner, network, page among equals); empty in
 *     trips recorded before cohorts were told apart, whose cohort was the owner's
 */
public record TripFigures(TripCause cause, long rate, double baseline, long history, double threshold, long cap,
        long cohortSubjects, long cohortLimit, Duration cohortWindow, Optional<Cohort> cohort) {
    public TripFigures {
        if (rate < 1 || baseline < 0 || history < 0 || threshold < 0 || cap < 1 || cohortSubjects < 0 || cohortLimit < 1
                || !cohortWindow.isPositive()) {
            throw new IllegalArgumentException("trip figures are counts and rates of at least zero, a cap and limit of at least one");
        }
    }

    /**
     * The figures as JSON: {@code cause}, {@code rate}, {@code baseline},
     * {@code history_minutes}, {@code threshold}, {@code cap}, {@code cohort_subjects}, {@code cohort_limit},
     * {@code cohort_window} (ISO-8601) and, when known, {@code cohort} ({@code owner}, {@code network} or {@code page}).
     * No personal data: the cohort's grouping, not its key.
     */
    public Json.Obj toJson() {
        Json.ObjBuilder json = Json.object().put("cause", cause.name()).put("rate", Json.of(rate)).put("baseline", Json.of(baseline))
                .put("history_minutes", Json.of(history)).put("threshold", Json.of(threshold)).put("cap", Json.of(cap))
                .put("cohort_subjects", Json.of(cohortSubjects)).put("cohort_limit", Json.of(cohortLimit))
                .put("cohort_window", cohortWindow.toString());
        cohort.ifPresent(c -> json.put("cohort", c.grouping()));
        return json.build();
    }
}
