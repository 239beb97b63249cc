package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What shadow rules would have done: for each rule version, how many times it matched and the first matches as
 * samples, for its authors to judge before they let it act. Thread-safe.
 */
public final class ShadowReport {
    private final int samplesPerRule;
    private final Map<Versioned, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<Versioned, List<ShadowRecord>> samples = new ConcurrentHashMap<>();

    /** A report keeping up to {@code samplesPerRule} samples of each rule version; at least 0. */
    public ShadowReport(int samplesPerRule) {
        if (samplesPerRule < 0) {
            throw new IllegalArgumentException("samples per rule are at least 0, not " + samplesPerRule);
        }
        this.samplesPerRule = samplesPerRule;
    }

    /** Counts the shadow outcomes of {@code evaluation}. */
    public void add(Evaluation evaluation) {
        for (RuleOutcome outcome : evaluation.outcomes()) {
            if (outcome instanceof RuleOutcome.Shadowed s) {
                add(s.record());
            }
        }
    }

    /** Counts {@code record}, and keeps it as a sample while its rule has fewer than the limit. */
    public void add(ShadowRecord record) {
        counts.computeIfAbsent(record.rule(), r -> new LongAdder()).increment();
        List<ShadowRecord> kept = samples.computeIfAbsent(record.rule(), r -> new ArrayList<>());
        synchronized (kept) {
            if (kept.size() < samplesPerRule) {
                kept.add(record);
            }
        }
    }

    /** Matches per rule version, ordered by rule. */
    public Map<Versioned, Long> counts() {
        Map<Versioned, Long> out = new TreeMap<>(java.util.Comparator.comparing(Versioned::toString));
        counts.forEach((rule, n) -> out.put(rule, n.sum()));
        return out;
    }

    /** The samples kept of {@code rule}, first first. */
    public List<ShadowRecord> samples(Versioned rule) {
        List<ShadowRecord> kept = samples.getOrDefault(rule, List.of());
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
