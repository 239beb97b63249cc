package dev.recourse.core.process;

import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.AuthorityEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.NotifierEvent.*;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.strike.StrikeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The folds of the streams other than cases: authority requests, accounts' strikes, notifiers' records, rule versions. */
final class RecordStates {
    private RecordStates() {}

    /** An authority request. */
    static final class Request {
        AuthorityRequestRegistered registered;
        boolean holdExpired;
        boolean disclosed;
        final List<DecisionId> decisions = new ArrayList<>();

        static Request fold(List<Event> events) {
            Request r = new Request();
            for (Event e : events) {
                switch ((AuthorityEvent) e) {
                    case AuthorityRequestRegistered reg -> r.registered = reg;
                    case AuthorityActionLinked link -> r.decisions.add(link.decision());
                    case LegalHoldExpired ignored -> r.holdExpired = true;
                    case AuthorityRequestDisclosed ignored -> r.disclosed = true;
                }
            }
            return r;
        }

        /** The hold that still delays disclosure, if any. */
        Optional<LegalHold> activeHold() {
            return registered == null || holdExpired ? Optional.empty() : registered.hold();
        }
    }

    /** An account's strikes. */
    static final class Strikes {
        final Map<StrikeId, AccountEvent.StrikeRecorded> active = new LinkedHashMap<>();

        static Strikes fold(List<Event> events) {
            Strikes s = new Strikes();
            for (Event e : events) {
                switch ((AccountEvent) e) {
                    case AccountEvent.StrikeRecorded r -> s.active.put(r.strike(), r);
                    case AccountEvent.StrikeExpired x -> s.active.remove(x.strike());
                    case AccountEvent.StrikeWithdrawn w -> s.active.remove(w.strike());
                    case AccountEvent.StrikeRecalled r -> s.active.remove(r.strike());
                    case AccountEvent.StrikeCorrected c -> s.active.remove(c.strike());
                }
            }
            return s;
        }
    }

    /** A notifier's record since their last suspension ended. */
    static final class NotifierRecord {
        final List<Instant> unfounded = new ArrayList<>();
        final java.util.Set<dev.recourse.core.notice.NoticeId> assessed = new java.util.HashSet<>();
        boolean warned;
        Optional<Instant> suspendedUntil = Optional.empty();

        static NotifierRecord fold(List<Event> events) {
            NotifierRecord n = new NotifierRecord();
            for (Event e : events) {
                switch ((NotifierEvent) e) {
                    case NoticeFoundUnfounded f -> {
                        n.unfounded.add(f.at());
                        n.assessed.add(f.notice());
                    }
                    case NotifierWarned ignored -> n.warned = true;
                    case NoticeProcessingSuspended s -> n.suspendedUntil = Optional.of(s.until());
                    case NoticeProcessingResumed ignored -> {
                        // A fresh start: the findings and the warning before a suspension were answered by it.
                        n.unfounded.clear();
                        n.warned = false;
                        n.suspendedUntil = Optional.empty();
                    }
                }
            }
            return n;
        }

        boolean isSuspendedAt(Instant now) {
            return suspendedUntil.filter(now::isBefore).isPresent();
        }
    }

    /** A rule version's safeguards: whether its breaker is tripped, and its recalls. */
    static final class Rule {
        Optional<RuleEvent.BreakerTripped> tripped = Optional.empty();
        final Map<RecallId, RuleEvent.RecallStarted> recalls = new LinkedHashMap<>();
        final Set<RecallId> completed = new HashSet<>();

        static Rule fold(List<Event> events) {
            Rule r = new Rule();
            for (Event e : events) {
                switch ((RuleEvent) e) {
                    case RuleEvent.BreakerTripped t -> r.tripped = Optional.of(t);
                    case RuleEvent.BreakerReset ignored -> r.tripped = Optional.empty();
                    case RuleEvent.RecallStarted s -> r.recalls.put(s.recall(), s);
                    case RuleEvent.RecallCompleted c -> r.completed.add(c.recall());
                    case RuleEvent.PinnedDecisionRefused ignored -> { }
                }
            }
            return r;
        }

        /** The recall {@code id}, if it was started and is not completed. */
        Optional<RuleEvent.RecallStarted> open(RecallId id) {
            return completed.contains(id) ? Optional.empty() : Optional.ofNullable(recalls.get(id));
        }
    }
}
