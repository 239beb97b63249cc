package dev.recourse.store.safeguard;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;

/**
 * A restriction a recall would lift: still standing, from a decision the rule version took part in within the recall's
 * time.
 *
 * @param subject what it restricts
 * @param restriction the restriction
 * @param decision the decision that applied it
 * @param decidedAt when that decision was taken
 * @param measure the DSA value of its measure, e.g. {@code DECISION_VISIBILITY_CONTENT_REMOVED}
 */
public record RecallTarget(SubjectRef subject, RestrictionId restriction, DecisionId decision, Instant decidedAt, String measure) {}
