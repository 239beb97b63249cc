package dev.recourse.core.decision;

import java.time.Instant;
import java.util.Optional;

/**
 * One effect of a decision on the platform.
 *
 * @param id identifies it, to apply and to lift it
 * @param measure what it does
 * @param scope where it applies
 * @param endsAt when it expires by itself; empty for indefinite
 */
public record Restriction(RestrictionId id, Measure measure, TerritorialScope scope, Optional<Instant> endsAt) {}
