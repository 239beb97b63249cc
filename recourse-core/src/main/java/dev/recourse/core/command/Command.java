package dev.recourse.core.command;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.strike.StrikeId;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Something asked of the core. Component names are the field names that rejections name. */
public sealed interface Command {

    /**
     * A user or trusted flagger reports a subject (DSA Art. 16): with a substantiated explanation, the exact location of
     * the content, the notifier's contact (unless exempt) and their statement of good faith. Authorities use
     * {@link RegisterAuthorityRequest}.
     */
    record SubmitNotice(Subject subject, NoticeSource source, Optional<Contact> contact, String explanation, Location location,
            GoodFaith goodFaith) implements Command {}

    /**
     * An authority orders or requests action about a subject: registered with its legal basis, and disclosed at once
     * unless {@code legalHold} delays disclosure until its end.
     */
    record RegisterAuthorityRequest(Subject subject, AuthorityKind kind, Authority authority, LegalBasis legalBasis,
            Optional<Contact> contact, String explanation, Optional<LegalHold> legalHold) implements Command {}

    /**
     * The platform describes a subject as it is now (owner, reach, protection...): opens its case if there is none and
     * records the description if it changed, so that later decisions weigh it (high-impact guard) without a notice.
     */
    record DescribeSubject(Subject subject) implements Command {}

    /** An automated signal about a subject. */
    record RecordDetection(Subject subject, Signal signal) implements Command {}

    /** Decide a case: restrict, with reasons, or take no action. */
    record Decide(SubjectRef subject, Set<NoticeId> notices, Set<DetectionId> detections, DecidedBy decidedBy, Plan plan)
            implements Command {
        public Decide {
            notices = Set.copyOf(notices);
            detections = Set.copyOf(detections);
        }
    }

    /** A person approves a proposed decision. */
    record ApproveProposal(SubjectRef subject, DecisionId proposal, Person approver) implements Command {}

    /** A person declines a proposed decision, with reasons. */
    record DeclineProposal(SubjectRef subject, DecisionId proposal, Person person, String reasons) implements Command {}

    /** The affected person or a notifier appeals a decision (internal complaint, DSA Art. 20). */
    record FileAppeal(SubjectRef subject, DecisionId decision, Appellant appellant, String grounds) implements Command {}

    /**
     * A person decides an appeal. {@code approvers} are needed only when a modified decision is high-impact.
     */
    record DecideAppeal(SubjectRef subject, AppealId appeal, Person reviewer, AppealOutcome outcome, List<Person> approvers)
            implements Command {
        public DecideAppeal {
            approvers = List.copyOf(approvers);
        }
    }

    /**
     * A person (a senior moderator or an administrator, never automation) reverses a decision on their own initiative,
     * outside any appeal, with reasons (for example a mistake found in review): every restriction of it that still
     * stands is lifted, and the affected person and the notifiers are told.
     */
    record ReverseDecision(SubjectRef subject, DecisionId decision, Person person, String reasons) implements Command {}

    /** A person finds a notice manifestly unfounded (DSA Art. 23(2)), with reasons. */
    record FindNoticeUnfounded(SubjectRef subject, NoticeId notice, Person assessor, String reasons) implements Command {}

    /** The clock: a timed restriction has reached its end. */
    record ExpireRestriction(SubjectRef subject, RestrictionId restriction) implements Command {}

    /** The clock: a legal hold has reached its end. */
    record ExpireLegalHold(AuthorityRequestId request) implements Command {}

    /** The clock: a strike has reached its end. */
    record ExpireStrike(AccountId account, StrikeId strike) implements Command {}

    /** The clock: a notifier's suspension has reached its end. */
    record ResumeNoticeProcessing(NotifierId notifier) implements Command {}

    /**
     * A person's policy version compiled and is kept: record it in the log, with the SHA-256 of its text. Recording
     * the same version with the same hash again changes nothing; with another hash it is refused.
     */
    record RecordPolicyVersion(Versioned policy, ContentHash source, Person person) implements Command {}

    /** A person resets a rule version's tripped circuit breaker, with reasons: it enforces again. */
    record ResetBreaker(Versioned rule, Person person, String reasons) implements Command {}

    /**
     * A person recalls what a rule version did between {@code from} (inclusive) and {@code to} (exclusive), each open
     * when absent: {@link RecallSubject} then undoes it subject by subject, and {@link CompleteRecall} closes it.
     * {@code reasons} and {@code apology} are what each affected person is told, on their page and in their message:
     * the core refuses them blank or longer than {@link #MAX_REASONS} and {@link #MAX_APOLOGY} characters.
     */
    record StartRecall(Versioned rule, Optional<Instant> from, Optional<Instant> to, Person person, String reasons, String apology)
            implements Command {
        /** The most characters a recall's reasons have. */
        public static final int MAX_REASONS = 20_000;
        /** The most characters a recall's apology has: it stands in a message and on a page. */
        public static final int MAX_APOLOGY = 2_000;
    }

    /**
     * Undo what a started recall covers on one subject: lift every restriction of the rule version's decisions in the
     * recall's time that still stands, tell the owner, keep the subject from the rule version. Doing it again changes
     * nothing: each restriction is lifted once.
     */
    record RecallSubject(SubjectRef subject, Versioned rule, RecallId recall) implements Command {}

    /** Every subject of a recall was taken care of. */
    record CompleteRecall(Versioned rule, RecallId recall) implements Command {}

    /** Who decides. */
    sealed interface DecidedBy {
        /**
         * A policy rule; in {@link Mode#PROPOSE} (and always for high-impact actions, and while its circuit breaker is
         * tripped) it only proposes. It never decides about a subject a recall of it keeps it from.
         */
        record Rule(AutomatedRule rule, Mode mode) implements DecidedBy {}

        /** A moderator. */
        record Moderator(Person person) implements DecidedBy {}
    }

    /** Whether a rule acts or only proposes. */
    enum Mode {
        ENFORCE,
        PROPOSE
    }

    /** What a decider wants done. */
    sealed interface Plan {
        /** Restrict, for the reasons given. */
        record Restrict(List<PlannedRestriction> restrictions, Reasons reasons) implements Plan {
            public Restrict {
                restrictions = List.copyOf(restrictions);
            }
        }

        /** Take no action, for the reasons given (sent to the notifiers). */
        record TakeNoAction(String reasons) implements Plan {}
    }
}
