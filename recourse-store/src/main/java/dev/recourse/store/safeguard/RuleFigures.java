package dev.recourse.store.safeguard;

import dev.recourse.core.decider.Versioned;
import java.time.Instant;
import java.util.Optional;

/**
 * One rule version's figures for the transparency pages and its breaker, as the safeguards' read model keeps them.
 *
 * @param rule the rule version
 * @param actions restrictive decisions it took part in (alone, or proposed and approved by people)
 * @param automated of those, the ones it took alone
 * @param proposals decisions it proposed, for whatever reason (its mode, high impact, its breaker)
 * @param appealsFiled appeals of its decisions
 * @param appealsDecided appeals of its decisions that were decided
 * @param overturned appeals decided that reversed or modified its decision
 * @param trips times its breaker tripped
 * @param recalls recalls of it
 * @param recalled restrictions its recalls lifted
 * @param refused decisions of it refused on subjects a recall pinned
 * @param trippedAt when its breaker tripped, while it is tripped
 * @param lastTrip the figures of the last trip (JSON, no personal data), if it ever tripped
 * @param lastReset the last reset, if any
 */
public record RuleFigures(Versioned rule, long actions, long automated, long proposals, long appealsFiled, long appealsDecided,
        long overturned, long trips, long recalls, long recalled, long refused, Optional<Instant> trippedAt,
        Optional<String> lastTrip, Optional<Reset> lastReset) {

    /** A person's reset of the breaker. */
    public record Reset(Instant at, String person, String reasons) {}

    /** Whether the breaker is tripped now. */
    public boolean tripped() {
        return trippedAt.isPresent();
    }

    /** Appeals that overturned its decision, of those decided; empty while none was decided. */
    public Optional<Double> overturnRate() {
        return appealsDecided == 0 ? Optional.empty() : Optional.of((double) overturned / appealsDecided);
    }
}
