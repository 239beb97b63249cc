package dev.recourse.store.events;

import dev.recourse.core.appeal.Appeal;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.notice.Notice;

import java.util.Optional;

/**
 * What is left of an event once its personal data is erased: the payload of its row, which stays
 * when erasure deletes the private record. It is the same event with every contact (a person's
 * name and e-mail address) left out and every text a person wrote about the case (a notice's
 * explanation, an appeal's grounds, the reasons of a reviewer, of a decision to take no action,
 * of a declined proposal or of a finding that a notice was unfounded) replaced by {@link #ERASED}.
 *
 * <p>Everything else stays, so that the core still folds an erased stream to the same state and
 * due process goes on: ids, times, the complete statement of reasons (which the log publishes
 * anyway), the deciders' pseudonyms, and the platform's own identifiers of subjects, accounts and
 * notifiers, which also name the streams. Those identifiers are the platform's pseudonyms; who is
 * behind them is the platform's to forget.
 *
 * <p>An event with nothing to erase is returned as it is, the same instance.
 */
final class Redaction {
    /** What an erased text reads as. */
    static final String ERASED = "[erased]";

    private Redaction() {}

    /** {@code event} without its personal data. */
    static Event of(Event event) {
        return switch (event) {
            case CaseEvent c -> ofCase(c);
            case AuthorityEvent a -> a;
            case AccountEvent a -> a;
            case RuleEvent r -> ofRule(r);
            case PolicyEvent p -> p;
            case NotifierEvent n -> switch (n) {
                case NotifierEvent.NoticeFoundUnfounded f -> f.reasons().equals(ERASED) ? f
                        : new NotifierEvent.NoticeFoundUnfounded(f.notifier(), f.caseId(), f.notice(), f.assessor(), ERASED, f.at());
                case NotifierEvent.NotifierWarned w -> w;
                case NotifierEvent.NoticeProcessingSuspended s -> s;
                case NotifierEvent.NoticeProcessingResumed r -> r;
            };
        };
    }

    /** A rule version's record without what people wrote: the reasons of a reset, the reasons and apology of a recall. */
    private static RuleEvent ofRule(RuleEvent event) {
        return switch (event) {
            case RuleEvent.BreakerTripped t -> t;
            case RuleEvent.BreakerReset r -> r.reasons().equals(ERASED) ? r
                    : new RuleEvent.BreakerReset(r.rule(), r.person(), ERASED, r.at());
            case RuleEvent.RecallStarted s -> s.reasons().equals(ERASED) && s.apology().equals(ERASED) ? s
                    : new RuleEvent.RecallStarted(s.recall(), s.rule(), s.from(), s.to(), s.person(), ERASED, ERASED, s.at());
            case RuleEvent.RecallCompleted c -> c;
            case RuleEvent.PinnedDecisionRefused p -> p;
        };
    }

    private static CaseEvent ofCase(CaseEvent event) {
        return switch (event) {
            case CaseOpened e -> e;
            case SubjectDescribed e -> e;
            case NoticeReceived e -> {
                Notice n = e.notice();
                yield n.contact().isEmpty() && n.explanation().equals(ERASED) ? e
                        : new NoticeReceived(e.caseId(), new Notice(n.id(), n.source(), Optional.empty(), ERASED, n.received(), n.location(), n.goodFaith()), e.at());
            }
            case DetectionRecorded e -> e;
            case DecisionProposed e -> e;
            case ProposalApproved e -> e;
            case ProposalDeclined e -> e.reasons().equals(ERASED) ? e
                    : new ProposalDeclined(e.caseId(), e.proposal(), e.person(), ERASED, e.at());
            case DecisionTaken e -> switch (e.decision().outcome()) {
                case Outcome.Restrict ignored -> e;
                case Outcome.NoAction n -> {
                    Decision d = e.decision();
                    yield n.reasons().equals(ERASED) ? e : new DecisionTaken(e.caseId(), new Decision(d.id(), d.decidedAt(),
                            d.notices(), d.detections(), new Outcome.NoAction(ERASED, n.deciders())), e.replacing(), e.at());
                }
            };
            case RestrictionApplied e -> e;
            case RestrictionLifted e -> switch (e.cause()) {
                case LiftCause.Corrected c -> c.reasons().equals(ERASED) ? e : new RestrictionLifted(e.caseId(), e.decision(),
                        e.subject(), e.restriction(), new LiftCause.Corrected(c.person(), ERASED), e.at());
                case LiftCause.Recalled r -> {
                    // The recall's reasons and apology as the person was told them: written by people.
                    LiftCause.Recalled erased = new LiftCause.Recalled(r.recall(), r.rule(), r.reasons().map(x -> ERASED),
                            r.apology().map(x -> ERASED));
                    yield erased.equals(r) ? e : new RestrictionLifted(e.caseId(), e.decision(), e.subject(), e.restriction(), erased, e.at());
                }
                case LiftCause.Expired ignored -> e;
                case LiftCause.Reversed ignored -> e;
                case LiftCause.Replaced ignored -> e;
            };
            case PersonInformed e -> switch (e.recipient()) {
                case Recipient.NoticeSender s when s.contact().isPresent() -> new PersonInformed(e.caseId(),
                        new Recipient.NoticeSender(s.notice(), s.source(), Optional.empty()), e.topic(), e.decision(), e.appeal(), e.at());
                case Recipient.NoticeSender ignored -> e;
                case Recipient.Owner ignored -> e;
                case Recipient.Notifier ignored -> e;
            };
            case AppealFiled e -> {
                Appeal a = e.appeal();
                yield a.grounds().equals(ERASED) ? e
                        : new AppealFiled(e.caseId(), new Appeal(a.id(), a.decision(), a.appellant(), ERASED, a.filed()), e.at());
            }
            case AppealDecided e -> e.outcome().reasons().equals(ERASED) ? e
                    : new AppealDecided(e.caseId(), e.appeal(), e.decision(), e.reviewer(), erased(e.outcome()), e.at());
        };
    }

    private static AppealOutcome erased(AppealOutcome outcome) {
        return switch (outcome) {
            case AppealOutcome.Upheld ignored -> new AppealOutcome.Upheld(ERASED);
            case AppealOutcome.Reversed ignored -> new AppealOutcome.Reversed(ERASED);
            case AppealOutcome.Modified m -> new AppealOutcome.Modified(ERASED, m.restrictions(), m.statement());
        };
    }
}
