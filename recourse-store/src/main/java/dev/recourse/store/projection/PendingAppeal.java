package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.subject.SubjectRef;

import java.time.Instant;

/**
 * An appeal waiting for a reviewer.
 *
 * @param appeal the appeal
 * @param caseId its case
 * @param subject what the decision acted on
 * @param decision the decision appealed
 * @param appellant who appealed
 * @param filedAt when
 */
public record PendingAppeal(AppealId appeal, CaseId caseId, SubjectRef subject, DecisionId decision, AppellantKind appellant,
                            Instant filedAt) {
    /** Who appealed, without saying who in person. */
    public enum AppellantKind {
        /** The person the decision acted against. */
        AFFECTED_PERSON,
        /** The sender of a notice the decision answered. */
        NOTIFIER
    }
}
