package dev.recourse.core.event;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.safeguard.TripFigures;
import java.time.Instant;
import java.util.Optional;

/** An event of one rule version's safeguards: its circuit breaker and its recalls. */
public sealed interface RuleEvent extends Event {
    /** The rule version. */
    Versioned rule();

    /**
     * The rule version's circuit breaker tripped: from now on its enforcing actions are only proposed, until a person
     * resets it.
     */
    record BreakerTripped(Versioned rule, TripFigures figures, Instant at) implements RuleEvent {}

    /** A person reset the breaker, with reasons: the rule version enforces again. */
    record BreakerReset(Versioned rule, Person person, String reasons, Instant at) implements RuleEvent {}

    /**
     * A person recalled what the rule version did between {@code from} (inclusive) and {@code to} (exclusive): every
     * restriction of its decisions in that time still standing is lifted, its owner told {@code reasons} with
     * {@code apology}, and the subject kept from the rule version.
     */
    record RecallStarted(RecallId recall, Versioned rule, Optional<Instant> from, Optional<Instant> to, Person person,
            String reasons, String apology, Instant at) implements RuleEvent {}

    /** Every subject of the recall was taken care of. */
    record RecallCompleted(RecallId recall, Versioned rule, Instant at) implements RuleEvent {}

    /** The rule version decided about a subject a recall keeps it from: the core refused. */
    record PinnedDecisionRefused(Versioned rule, CaseId caseId, RecallId recall, Instant at) implements RuleEvent {}
}
