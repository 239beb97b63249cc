package dev.recourse.store.projection;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A decision as the public record lists it: what the log's entry of it says publicly, and where its appeals stand. No
 * personal data.
 *
 * @param id the decision (its DSA puid)
 * @param position the log position of the event that took it: its entry and receipt
 * @param caseId the pseudonymous case
 * @param decidedAt when it took effect
 * @param category the statement's category; empty for no action
 * @param ground illegal or incompatible with the terms; empty for no action
 * @param restrictions the kinds of restriction; empty for no action
 * @param automation how far it was automated
 * @param source what started it
 * @param rule the automated rule that decided or proposed it, id@version; empty when people alone decided
 * @param appeal where its appeals stand
 */
public record PublicDecision(DecisionId id, long position, CaseId caseId, Instant decidedAt, Optional<Category> category,
                             Optional<DecisionGround> ground, Set<RestrictionKind> restrictions, AutomatedDecision automation,
                             DecisionSource source, Optional<String> rule, AppealStatus appeal) {
    public PublicDecision {
        EnumSet<RestrictionKind> kinds = EnumSet.noneOf(RestrictionKind.class);
        kinds.addAll(restrictions);
        restrictions = Collections.unmodifiableSet(kinds);
    }
}
