package dev.recourse.core.event;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.strike.StrikeId;
import dev.recourse.core.subject.AccountId;
import java.time.Instant;

/** An event of an account's record of strikes. */
public sealed interface AccountEvent extends Event {
    /** The account. */
    AccountId account();

    /** A restrictive decision counted against the account until {@code expires}. */
    record StrikeRecorded(AccountId account, StrikeId strike, CaseId caseId, DecisionId decision, String reasons,
            Instant expires, Instant at) implements AccountEvent {}

    /** A strike expired. */
    record StrikeExpired(AccountId account, StrikeId strike, Instant at) implements AccountEvent {}

    /** A strike was withdrawn because an appeal reversed or replaced its decision. */
    record StrikeWithdrawn(AccountId account, StrikeId strike, AppealId appeal, Instant at) implements AccountEvent {}

    /** A person reversed the decision the strike was for outside an appeal: it no longer counts. */
    record StrikeCorrected(AccountId account, StrikeId strike, DecisionId decision, Person person, Instant at) implements AccountEvent {}

    /** A recall undid the decision the strike was for: it no longer counts. */
    record StrikeRecalled(AccountId account, StrikeId strike, RecallId recall, Instant at) implements AccountEvent {}
}
