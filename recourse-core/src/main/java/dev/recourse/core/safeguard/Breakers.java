package dev.recourse.core.safeguard;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuit breakers of one process, in its memory: per rule version, its actions per minute (an exponentially weighted mean of
 * the minutes since its first action, the current minute apart) and the subjects it acted on lately, by cohort (owner,
 * network, page: see {@link Cohort}).
 *
 * <p>Whether a breaker is tripped is not kept here but in the rule version's events ({@code BreakerTripped},
 * {@code BreakerReset}); this is only what decides that a trip is due. Time comes from the caller, always the core's
 * clock, so a test drives it minute by minute. A process that starts again restores what was learned with
 * {@link #learn} from the counts per minute that the store keeps; the cohorts of the last minutes are not restored.
 *
 * <p>Thread-safe.
 */
public final class Breakers implements CircuitBreakers {
    private final BreakerSettings settings;
    private final Map<Versioned, Breaker> breakers = new ConcurrentHashMap<>();

    /** Breakers that learn and trip as {@code settings} say. */
    public Breakers(BreakerSettings settings) {
        this.settings = settings;
    }

    @Override
    public BreakerSettings settings() {
        return settings;
    }

    @Override
    public Optional<TripFigures> assess(Versioned rule, Subject subject, Instant at) {
        return breaker(rule).assess(subject, at);
    }

    @Override
    public void record(Versioned rule, Subject subject, Instant at) {
        breaker(rule).record(subject, at);
    }

    @Override
    public void reset(Versioned rule, Instant at) {
        breaker(rule).reset(at);
    }

    /**
     * Restores what was learned: {@code actions} of {@code rule} took effect in the minute that begins at {@code minute}.
     * Minutes MUST be given in order, each rule version's oldest first.
     */
    public void learn(Versioned rule, Instant minute, long actions) {
        if (actions < 0) {
            throw new IllegalArgumentException("actions are at least 0, not " + actions);
        }
        breaker(rule).learn(minute, actions);
    }

    @Override
    public Optional<Learned> learned(Versioned rule, Instant at) {
        Breaker b = breakers.get(rule);
        return b == null ? Optional.empty() : b.learned(at);
    }

    /**
     * What one breaker has learned.
     *
     * @param baseline actions per minute, the exponentially weighted mean
     * @param history minutes learned from
     * @param currentMinute actions in the current minute
     * @param threshold the actions in a minute above which the rate check trips, once {@code history} is long enough
     */
    public record Learned(double baseline, long history, long currentMinute, double threshold) {}

    /**
     * How many different subjects of one cohort a rule version acted on within the window, counting the subject about to
     * be acted on.
     */
    public record CohortCount(Cohort cohort, long subjects) {
        public CohortCount {
            if (subjects < 1) {
                throw new IllegalArgumentException("a cohort of the subject about to be acted on has at least that subject");
            }
        }
    }

    /**
     * Whether one more action trips a breaker, and with which figures; empty when it may act. The decision itself, a
     * pure function of what was counted: the cap, then the rate (once {@code history} is long enough), then the cohort
     * check, which trips when any one of {@code cohorts} reached the limit.
     *
     * @param rate the rule version's actions in the current minute, this one included
     * @param baseline the learned actions per minute
     * @param history how many minutes the baseline learned from
     * @param cohorts each cohort of the subject about to be acted on, in the order of {@link Cohort#of}, with its count;
     *     empty only when the subject's cohorts are not known (no cohort check then)
     */
    public static Optional<TripFigures> judge(BreakerSettings settings, long rate, double baseline, long history,
            List<CohortCount> cohorts) {
        Optional<CohortCount> largest = Optional.empty();
        for (CohortCount c : cohorts) {
            if (largest.isEmpty() || c.subjects() > largest.get().subjects()) {
                largest = Optional.of(c);
            }
        }
        long cohortSubjects = largest.map(CohortCount::subjects).orElse(0L);
        double threshold = settings.threshold(baseline);
        TripCause cause = rate > settings.cap() ? TripCause.CAP
                : history >= settings.minimumHistory() && rate > threshold ? TripCause.RATE
                : cohortSubjects >= settings.cohortLimit() ? TripCause.COHORT
                : null;
        if (cause == null) {
            return Optional.empty();
        }
        return Optional.of(new TripFigures(cause, rate, baseline, history, threshold, settings.cap(), cohortSubjects,
                settings.cohortLimit(), settings.cohortWindow(), largest.map(CohortCount::cohort)));
    }

    /**
     * The baseline learned from {@code actions}, a rule version's actions in each minute (in epoch minutes) from
     * {@code from} (inclusive) to {@code to} (exclusive), a minute not in it counting as zero: what a breaker that
     * started learning at {@code from} knows when the minute {@code to} begins. Long enough a span (see
     * {@link BreakerSettings#memory}) gives the baseline of a breaker that learned since the rule version first acted.
     */
    public static double baseline(BreakerSettings settings, java.util.Map<Long, Long> actions, long from, long to) {
        double baseline = 0;
        for (long m = from; m < to; m++) {
            baseline = settings.smoothing() * actions.getOrDefault(m, 0L) + (1 - settings.smoothing()) * baseline;
        }
        return baseline;
    }

    private Breaker breaker(Versioned rule) {
        return breakers.computeIfAbsent(rule, r -> new Breaker(settings));
    }

    /** One rule version's breaker. */
    private static final class Breaker {
        private static final long NONE = Long.MIN_VALUE;

        private final BreakerSettings settings;
        private long minute = NONE;
        private long count;
        private double baseline;
        private long history;
        private final Map<Cohort, Deque<Acted>> cohorts = new HashMap<>();

        private record Acted(SubjectRef subject, Instant at) {}

        Breaker(BreakerSettings settings) {
            this.settings = settings;
        }

        synchronized Optional<TripFigures> assess(Subject subject, Instant at) {
            advance(at);
            List<CohortCount> counts = new ArrayList<>(3);
            for (Cohort cohort : Cohort.of(subject)) {
                counts.add(new CohortCount(cohort, cohortWith(cohort, subject.ref(), at)));
            }
            return judge(settings, count + 1, baseline, history, counts);
        }

        synchronized void record(Subject subject, Instant at) {
            advance(at);
            count++;
            for (Cohort cohort : Cohort.of(subject)) {
                cohorts.computeIfAbsent(cohort, o -> new ArrayDeque<>()).addLast(new Acted(subject.ref(), at));
            }
        }

        synchronized void reset(Instant at) {
            advance(at);
            count = 0;
            cohorts.clear();
        }

        synchronized void learn(Instant at, long actions) {
            advance(at);
            count += actions;
        }

        synchronized Optional<Learned> learned(Instant at) {
            if (minute == NONE) {
                return Optional.empty();
            }
            advance(at);
            return Optional.of(new Learned(baseline, history, count, settings.threshold(baseline)));
        }

        /** Closes the minutes before the one of {@code at} into the baseline; an earlier time counts in the current minute. */
        private void advance(Instant at) {
            long m = Math.floorDiv(at.getEpochSecond(), 60);
            if (minute == NONE) {
                minute = m;
                return;
            }
            if (m <= minute) {
                return;
            }
            long closed = m - minute;
            double keep = 1 - settings.smoothing();
            baseline = settings.smoothing() * count + keep * baseline;
            baseline *= Math.pow(keep, closed - 1); // the empty minutes between
            history += closed;
            minute = m;
            count = 0;
            Instant since = at.minus(settings.cohortWindow());
            cohorts.values().forEach(acted -> acted.removeIf(a -> a.at().isBefore(since)));
            cohorts.values().removeIf(Deque::isEmpty);
        }

        /** How many different subjects of {@code cohort} were acted on within the window, {@code subject} included. */
        private long cohortWith(Cohort cohort, SubjectRef subject, Instant at) {
            Deque<Acted> acted = cohorts.get(cohort);
            if (acted == null) {
                return 1;
            }
            Instant since = at.minus(settings.cohortWindow());
            while (!acted.isEmpty() && acted.peekFirst().at().isBefore(since)) {
                acted.removeFirst();
            }
            return acted.stream().map(Acted::subject).filter(s -> !s.equals(subject)).distinct().count() + 1;
        }
    }
}
