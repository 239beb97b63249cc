package dev.recourse.core.safeguard;

import java.time.Duration;

/**
 * How circuit breakers learn and when they trip; the same for every rule version.
 *
 * @param smoothing the weight of the latest minute in the baseline, an exponentially weighted mean of actions per
 *     minute, in (0, 1]; minutes without actions count as zero
 * @param minimumHistory how many minutes a rule version's baseline MUST have learned from before the rate check applies
 *     (before, only the cap and the cohort check do)
 * @param factor how many times its baseline a rule version may act in one minute before the rate check trips; above 1
 * @param floor the rate check never trips at or below this many actions in a minute, however low the baseline
 * @param cap the absolute cap: more actions than this in one minute trip the breaker, learned or not
 * @param cohortLimit acting on this many different subjects of one cohort (one owner, one network or one page) within
 *     the cohort window trips the breaker
 * @param cohortWindow the window of the cohort check
 */
public record BreakerSettings(double smoothing, long minimumHistory, double factor, long floor, long cap, long cohortLimit,
        Duration cohortWindow) {
    public BreakerSettings {
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing is in (0, 1], not " + smoothing);
        }
        if (minimumHistory < 1 || !(factor > 1) || floor < 1 || cap < floor || cohortLimit < 2) {
            throw new IllegalArgumentException("a breaker learns for at least a minute, trips above a factor over 1, a floor"
                    + " of at least 1 and a cap at least the floor, and a cohort of at least 2");
        }
        if (!cohortWindow.isPositive() || cohortWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the cohort window is positive and at most a day, not " + cohortWindow);
        }
    }

    /**
     * Learns over about 20 minutes (smoothing 0.05) after an hour of history, trips at 5 times the baseline and more
     * than 30 actions in a minute, or more than 1,000 in any minute, or on 10 subjects of one owner, network or page
     * within 10 minutes.
     */
    public static BreakerSettings defaults() {
        return new BreakerSettings(0.05, 60, 5, 30, 1_000, 10, Duration.ofMinutes(10));
    }

    /**
     * How many minutes back a breaker's baseline remembers: minutes older than this weigh less than a thousandth (and at
     * least the minimum history, so that the history is known).
     */
    public long memory() {
        long forgotten = (long) Math.ceil(Math.log(1e-3) / Math.log(1 - Math.min(smoothing, 0.999)));
        return Math.max(minimumHistory, forgotten) + 1;
    }

    /** The actions in a minute above which the rate check trips, for a learned {@code baseline}. */
    public double threshold(double baseline) {
        return Math.max(floor, factor * baseline);
    }
}
