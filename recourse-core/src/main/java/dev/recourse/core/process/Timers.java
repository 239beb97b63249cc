package dev.recourse.core.process;

import dev.recourse.core.command.Command;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clock makes due: timed restrictions that reached their end, legal holds, strikes and notifier suspensions
 * that expired. A scheduler folds the events into a {@code Timers} and hands the {@link #due} commands to
 * {@link DueProcess#handle}; expiry is thus always an event, decided like any other command.
 */
public final class Timers {
    private record Timer(Command command, Instant at) {}

    private final Map<Object, Timer> pending = new LinkedHashMap<>();

    /** Takes one more event into account, in position order. */
    public void observe(RecordedEvent recorded) {
        Event event = recorded.event();
        switch (event) {
            case CaseEvent.RestrictionApplied e -> e.restriction().endsAt().ifPresent(end ->
                    pending.put(e.restriction().id(), new Timer(new Command.ExpireRestriction(e.subject(), e.restriction().id()), end)));
            case CaseEvent.RestrictionLifted e -> pending.remove(e.restriction());
            case CaseEvent ignored -> { }
            case AuthorityEvent.AuthorityRequestRegistered e -> e.hold().ifPresent(hold ->
                    pending.put(e.request(), new Timer(new Command.ExpireLegalHold(e.request()), hold.until())));
            case AuthorityEvent.LegalHoldExpired e -> pending.remove(e.request());
            case AuthorityEvent ignored -> { }
            case AccountEvent.StrikeRecorded e -> pending.put(e.strike(), new Timer(new Command.ExpireStrike(e.account(), e.strike()), e.expires()));
            case AccountEvent.StrikeExpired e -> pending.remove(e.strike());
            case AccountEvent.StrikeWithdrawn e -> pending.remove(e.strike());
            case AccountEvent.StrikeRecalled e -> pending.remove(e.strike());
            case AccountEvent.StrikeCorrected e -> pending.remove(e.strike());
            case NotifierEvent.NoticeProcessingSuspended e ->
                    pending.put(e.notifier(), new Timer(new Command.ResumeNoticeProcessing(e.notifier()), e.until()));
            case NotifierEvent.NoticeProcessingResumed e -> pending.remove(e.notifier());
            case NotifierEvent ignored -> { }
            case RuleEvent ignored -> { }
            case PolicyEvent ignored -> { }
        }
    }

    /** The commands whose time has come at {@code now}, earliest first. */
    public List<Command> due(Instant now) {
        List<Timer> due = new ArrayList<>(pending.values().stream().filter(t -> !t.at().isAfter(now)).toList());
        due.sort(java.util.Comparator.comparing(Timer::at));
        return due.stream().map(Timer::command).toList();
    }

    /** The timers of all of {@code events}. */
    public static Timers of(List<RecordedEvent> events) {
        Timers timers = new Timers();
        events.forEach(timers::observe);
        return timers;
    }
}
