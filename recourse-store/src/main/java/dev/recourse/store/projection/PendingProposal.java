package dev.recourse.store.projection;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.subject.SubjectRef;

import java.time.Instant;

/**
 * A proposed decision waiting for a person to approve it (or decline it).
 *
 * @param proposal the proposal, which is the id of the decision it becomes
 * @param caseId its case
 * @param subject what it would act on
 * @param why why it waits: automation only proposes, or it is high-impact and needs two people
 * @param approvals how many people approved it so far
 * @param proposedAt when it was proposed
 */
public record PendingProposal(DecisionId proposal, CaseId caseId, SubjectRef subject, String why, int approvals,
                              Instant proposedAt) {}
