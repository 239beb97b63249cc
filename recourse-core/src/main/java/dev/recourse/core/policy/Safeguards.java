package dev.recourse.core.policy;

import java.time.Duration;

/**
 * The safeguard settings of a rule, carried with it for the circuit breaker that watches its version.
 *
 * @param baselinePerMinute the actions a minute the rule is expected to take before a baseline is learned; at least 0
 * @param capPerMinute the actions a minute it may never exceed; at least 1
 * @param cohortWindow the window in which actions on subjects of one owner, network or page are counted; positive
 * @param cohortLimit the actions on one cohort within the window that trip the breaker; at least 1
 */
public record Safeguards(long baselinePerMinute, long capPerMinute, Duration cohortWindow, int cohortLimit) {
    /** What a rule gets when its policy states none. */
    public static final Safeguards DEFAULT = new Safeguards(10, 100, Duration.ofMinutes(10), 5);

    public Safeguards {
        if (baselinePerMinute < 0 || capPerMinute < 1 || cohortWindow.isNegative() || cohortWindow.isZero() || cohortLimit < 1) {
            throw new IllegalArgumentException("safeguards need a baseline of at least 0, a cap and a cohort limit of at least 1"
                    + " and a positive cohort window");
        }
    }
}
