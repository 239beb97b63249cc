package dev.recourse.core.event;

import dev.recourse.core.appeal.Appeal;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.notice.Detection;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An event of a case: one subject under consideration. */
public sealed interface CaseEvent extends Event {
    /** The case. */
    CaseId caseId();

    /** A case was opened for a subject. */
    record CaseOpened(CaseId caseId, SubjectRef subject, Instant at) implements CaseEvent {}

    /** The platform described the subject (first, or anew because something changed). */
    record SubjectDescribed(CaseId caseId, Subject subject, Instant at) implements CaseEvent {}

    /** A notice arrived. */
    record NoticeReceived(CaseId caseId, Notice notice, Instant at) implements CaseEvent {}

    /** An automated detection was recorded. */
    record DetectionRecorded(CaseId caseId, Detection detection, Instant at) implements CaseEvent {}

    /**
     * A decision was proposed and waits for people to approve it: automation proposed it, or it is high-impact and
     * needs two different people. {@code why} says which.
     */
    record DecisionProposed(CaseId caseId, DecisionId proposal, Set<NoticeId> notices, Set<DetectionId> detections,
            List<PlannedRestriction> restrictions, Reasons reasons, Deciders proposers, String why, Instant at) implements CaseEvent {
        public DecisionProposed {
            notices = Set.copyOf(notices);
            detections = Set.copyOf(detections);
            restrictions = List.copyOf(restrictions);
        }
    }

    /** A person approved a proposal. */
    record ProposalApproved(CaseId caseId, DecisionId proposal, Person approver, Instant at) implements CaseEvent {}

    /** A person declined a proposal, with reasons; it will not take effect. */
    record ProposalDeclined(CaseId caseId, DecisionId proposal, Person person, String reasons, Instant at) implements CaseEvent {}

    /**
     * A decision took effect, with its complete statement of reasons when it restricts. {@code replacing} names the
     * appeal whose outcome this decision is, if it is one.
     */
    record DecisionTaken(CaseId caseId, Decision decision, Optional<AppealId> replacing, Instant at) implements CaseEvent {}

    /** A restriction took effect: the platform is told to apply it. */
    record RestrictionApplied(CaseId caseId, DecisionId decision, SubjectRef subject, Restriction restriction, Instant at)
            implements CaseEvent {}

    /** A restriction was lifted: the platform is told to restore the subject. */
    record RestrictionLifted(CaseId caseId, DecisionId decision, SubjectRef subject, RestrictionId restriction,
            LiftCause cause, Instant at) implements CaseEvent {}

    /** A person is told something about this case: the dispatcher sends it. */
    record PersonInformed(CaseId caseId, Recipient recipient, Topic topic, Optional<DecisionId> decision,
            Optional<AppealId> appeal, Instant at) implements CaseEvent {}

    /** An appeal was filed. */
    record AppealFiled(CaseId caseId, Appeal appeal, Instant at) implements CaseEvent {}

    /** An appeal was decided by a person, with reasons. */
    record AppealDecided(CaseId caseId, AppealId appeal, DecisionId decision, Person reviewer, AppealOutcome outcome, Instant at)
            implements CaseEvent {}
}
