package dev.recourse.store.safeguard;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.safeguard.RecallId;
import java.time.Instant;
import java.util.Optional;

/**
 * A recall as the safeguards' read model keeps it.
 *
 * @param recall its id
 * @param rule the rule version recalled
 * @param from the start of its time (inclusive), if bounded
 * @param to the end of its time (exclusive), if bounded
 * @param startedAt when it was started
 * @param completedAt when it was completed, once it is
 * @param lifted restrictions it lifted so far
 */
public record RecallView(RecallId recall, Versioned rule, Optional<Instant> from, Optional<Instant> to, Instant startedAt,
        Optional<Instant> completedAt, long lifted) {}
