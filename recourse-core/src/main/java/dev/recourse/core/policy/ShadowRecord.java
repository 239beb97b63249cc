package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.List;

/**
 * What a rule in shadow mode would have done: recorded for its authors, never enforced.
 *
 * @param rule the rule version that matched
 * @param eventId the event it matched
 * @param subject the subject it would have acted on
 * @param restrictions the restrictions it would have asked for
 * @param reasons the reasons it would have given
 * @param at when it matched
 */
public record ShadowRecord(Versioned rule, String eventId, SubjectRef subject, List<PlannedRestriction> restrictions,
        Reasons reasons, Instant at) {
    public ShadowRecord {
        restrictions = List.copyOf(restrictions);
    }
}
