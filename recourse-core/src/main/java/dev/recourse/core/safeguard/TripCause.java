package dev.recourse.core.safeguard;

/** Which check tripped a circuit breaker. */
public enum TripCause {
    /** The actions of one minute exceeded the absolute cap. */
    CAP,
    /** The actions of one minute departed from the learned baseline by more than the factor allows. */
    RATE,
    /** Too many subjects of one cohort (one owner, network or page) were acted on within the cohort window. */
    COHORT
}
