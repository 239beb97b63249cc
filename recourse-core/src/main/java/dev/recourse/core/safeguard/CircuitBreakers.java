package dev.recourse.core.safeguard;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.subject.Subject;
import java.time.Instant;
import java.util.Optional;

/**
 * What decides that a rule version's next enforcing action trips its circuit breaker: the counts it keeps (actions per
 * minute, the learned baseline, the subjects acted on per cohort) and {@link Breakers#judge}, the decision over them.
 * {@link Breakers} keeps the counts in this process's memory; a store MAY keep them where every process that carries
 * out rules shares them, so that together they trip at the cap.
 *
 * <p>Whether a breaker is tripped is not kept here but in the rule version's events ({@code BreakerTripped},
 * {@code BreakerReset}). Time comes from the caller, always the core's clock. Implementations are thread-safe.
 */
public interface CircuitBreakers {
    /** How the breakers learn and trip. */
    BreakerSettings settings();

    /**
     * Whether one more action of {@code rule} on {@code subject} at {@code at} trips its breaker, with the figures that
     * trip it; empty when it may act. Records nothing: {@link #record} does once the action is stored.
     */
    Optional<TripFigures> assess(Versioned rule, Subject subject, Instant at);

    /** An action of {@code rule} on {@code subject} at {@code at} was stored. */
    void record(Versioned rule, Subject subject, Instant at);

    /**
     * A person reset {@code rule}'s breaker at {@code at}: the current minute and the cohorts start empty, the baseline
     * stays.
     */
    void reset(Versioned rule, Instant at);

    /** What {@code rule}'s breaker has learned by {@code at}, if the rule version acted. */
    Optional<Breakers.Learned> learned(Versioned rule, Instant at);
}
