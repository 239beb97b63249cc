package dev.recourse.store.projection;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.subject.SubjectRef;

import java.time.Instant;
import java.util.Optional;

/**
 * A restriction in force on a subject: applied, not lifted, not past its end.
 *
 * @param id the restriction
 * @param caseId the case of the decision that applied it
 * @param decision that decision
 * @param subject what it acts on
 * @param measure what it does
 * @param scope where
 * @param appliedAt since when
 * @param endsAt until when; empty for indefinite
 */
public record StandingRestriction(RestrictionId id, CaseId caseId, DecisionId decision, SubjectRef subject, Measure measure,
                                  TerritorialScope scope, Instant appliedAt, Optional<Instant> endsAt) {}
