package dev.recourse.store.projection;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.subject.SubjectRef;

import java.time.Instant;
import java.util.Optional;

/**
 * A case as the read model keeps it.
 *
 * @param id the case
 * @param subject what it is about
 * @param status where it stands
 * @param latestDecision the decision taken last, if any (after a modifying appeal, the replacement)
 * @param decidedAt when that decision was taken
 * @param appealDeadline the last instant that decision can be appealed
 * @param awaitingSince the earliest notice or detection no decision answered yet, if any
 * @param pendingAppeals appeals filed and not decided
 * @param nextRestrictionEnd the earliest end of a restriction in force on the subject, if one has an end
 * @param openedAt when the case was opened
 * @param updatedAt the time of its latest event
 */
public record CaseView(CaseId id, SubjectRef subject, CaseStatus status, Optional<DecisionId> latestDecision,
                       Optional<Instant> decidedAt, Optional<Instant> appealDeadline, Optional<Instant> awaitingSince,
                       int pendingAppeals, Optional<Instant> nextRestrictionEnd, Instant openedAt, Instant updatedAt) {}
