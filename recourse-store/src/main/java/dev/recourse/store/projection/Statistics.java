package dev.recourse.store.projection;

import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.SourceType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's figures for a period, summed from the rollups (never from the decisions themselves).
 *
 * @param from the first day
 * @param to the last day
 * @param total everything counted in the period, with the time-to-decide histogram
 * @param days per day that had anything counted, in order: decisions by automation, appeals decided and overturned
 * @param byCategory restrictive decisions by category
 * @param bySource restrictive decisions by DSA source type
 * @param noAction decisions to take no action
 * @param rules per rule (id@version), and for people alone (an empty rule), most decisions first
 * @param appealTime appeals decided by how long they waited, in the buckets of {@link RollupCounts#BUCKET_BOUNDS}
 * @param reinstatedOnAppeal restrictions lifted because an appeal reversed the decision
 * @param reinstatedWithoutAppeal restrictions lifted without an appeal (a recall, the platform's own reversal)
 */
public record Statistics(LocalDate from, LocalDate to, RollupCounts total, List<Day> days, Map<Category, Long> byCategory,
                         Map<SourceType, Long> bySource, long noAction, List<RuleFigures> rules, List<Long> appealTime,
                         long reinstatedOnAppeal, long reinstatedWithoutAppeal) {
    public Statistics {
        days = List.copyOf(days);
        byCategory = Map.copyOf(byCategory);
        bySource = Map.copyOf(bySource);
        rules = List.copyOf(rules);
        appealTime = List.copyOf(appealTime);
    }

    /**
     * The figures of one day.
     *
     * @param byAutomation decisions by how far they were automated
     * @param appealsDecided appeals decided that day
     * @param overturned of those, reversed or modified
     */
    public record Day(LocalDate day, Map<AutomatedDecision, Long> byAutomation, long appealsDecided, long overturned) {
        public Day {
            byAutomation = Map.copyOf(byAutomation);
        }

        /** Every decision of the day. */
        public long decisions() {
            return byAutomation.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The figures of one rule.
     *
     * @param rule id@version; empty for decisions by people alone
     */
    public record RuleFigures(Optional<String> rule, long decisions, long appealsDecided, long upheld, long reversed,
                              long modified) {
        /** Appeals that changed the decision: reversed or modified. */
        public long overturned() {
            return reversed + modified;
        }
    }

    /** Decisions by how far they were automated, over the whole period. */
    public Map<AutomatedDecision, Long> byAutomation() {
        java.util.EnumMap<AutomatedDecision, Long> sum = new java.util.EnumMap<>(AutomatedDecision.class);
        for (Day d : days) {
            d.byAutomation().forEach((a, n) -> sum.merge(a, n, Long::sum));
        }
        return sum;
    }

    /**
     * The upper bound of the bucket that holds the median time to decide an appeal; empty if none was decided, or if
     * the median lies in the last, unbounded bucket.
     */
    public Optional<java.time.Duration> medianAppealTimeBound() {
        return new RollupCounts(0, 0, 0, 0, 0, 0, 0, appealTime).medianTimeToDecideBound();
    }
}
