package dev.recourse.store.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the transparency rollups count for one day and one set of {@link Dimensions}.
 *
 * @param decisions decisions taken (first decisions, and those that replace a decision on appeal)
 * @param appealsFiled appeals filed against such decisions
 * @param appealsDecided appeals of such decisions decided
 * @param appealsUpheld of those, how many upheld the decision
 * @param appealsReversed how many reversed it
 * @param appealsModified how many replaced it by another
 * @param reinstatements restrictions of such decisions lifted because an appeal reversed the decision
 * @param timeToDecide first decisions by how long their case waited for them, from the earliest notice
 *     or detection no decision had answered: one count per bucket of {@link #BUCKET_BOUNDS}, the last for
 *     longer than all bounds
 */
public record RollupCounts(long decisions, long appealsFiled, long appealsDecided, long appealsUpheld, long appealsReversed,
                           long appealsModified, long reinstatements, List<Long> timeToDecide) {
    /**
     * The upper bounds (exclusive) of the time-to-decide buckets: under a minute, 5 and 15 minutes,
     * an hour, 4 and 12 hours, a day, 3, 7 and 30 days; a last bucket holds the rest.
     */
    public static final List<Duration> BUCKET_BOUNDS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30));

    /** Nothing counted. */
    public static final RollupCounts ZERO = new RollupCounts(0, 0, 0, 0, 0, 0, 0,
            Collections.nCopies(BUCKET_BOUNDS.size() + 1, 0L));

    public RollupCounts {
        timeToDecide = List.copyOf(timeToDecide);
        if (timeToDecide.size() != BUCKET_BOUNDS.size() + 1) {
            throw new IllegalArgumentException("time to decide has " + (BUCKET_BOUNDS.size() + 1) + " buckets, not "
                    + timeToDecide.size());
        }
        if (decisions < 0 || appealsFiled < 0 || appealsDecided < 0 || appealsUpheld < 0 || appealsReversed < 0
                || appealsModified < 0 || reinstatements < 0 || timeToDecide.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("counts are at least 0");
        }
    }

    /** The bucket of {@link #timeToDecide} that {@code waited} falls in. */
    public static int bucket(Duration waited) {
        for (int i = 0; i < BUCKET_BOUNDS.size(); i++) {
            if (waited.compareTo(BUCKET_BOUNDS.get(i)) < 0) {
                return i;
            }
        }
        return BUCKET_BOUNDS.size();
    }

    /** These counts and {@code other}'s, added. */
    public RollupCounts plus(RollupCounts other) {
        List<Long> buckets = new ArrayList<>(timeToDecide.size());
        for (int i = 0; i < timeToDecide.size(); i++) {
            buckets.add(timeToDecide.get(i) + other.timeToDecide.get(i));
        }
        return new RollupCounts(decisions + other.decisions, appealsFiled + other.appealsFiled,
                appealsDecided + other.appealsDecided, appealsUpheld + other.appealsUpheld,
                appealsReversed + other.appealsReversed, appealsModified + other.appealsModified,
                reinstatements + other.reinstatements, buckets);
    }

    /**
     * The upper bound of the bucket that holds the median time to decide: half the first decisions
     * took less. Empty if none was counted, or if the median lies in the last, unbounded bucket.
     */
    public Optional<Duration> medianTimeToDecideBound() {
        long total = timeToDecide.stream().mapToLong(Long::longValue).sum();
        long seen = 0;
        for (int i = 0; i < BUCKET_BOUNDS.size() && total > 0; i++) {
            seen += timeToDecide.get(i);
            if (2 * seen >= total) {
                return Optional.of(BUCKET_BOUNDS.get(i));
            }
        }
        return Optional.empty();
    }
}
