package dev.recourse.core.process;

import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.event.Topic;
import dev.recourse.core.port.ActionSink;
import dev.recourse.core.port.ActionSink.PlatformAction;
import dev.recourse.core.port.Notifier;
import dev.recourse.core.port.Notifier.Message;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox: which stored events are deliveries, and to whom. A dispatcher reads events in position order from its
 * last delivered position and hands each one here; redelivery after a crash is harmless (deliveries are keyed).
 */
public final class Dispatch {
    /**
     * The types of event that {@link #deliver} delivers something for; it delivers nothing for any other, so a
     * dispatcher MAY pass over events of other types without reading them (see {@code EventStore.readAll} with types).
     * MUST list exactly the types the switch below delivers for.
     */
    public static final Set<Class<? extends Event>> DELIVERING = Set.of(CaseEvent.RestrictionApplied.class,
            CaseEvent.RestrictionLifted.class, CaseEvent.PersonInformed.class, NotifierEvent.NotifierWarned.class,
            NotifierEvent.NoticeProcessingSuspended.class);

    private final ActionSink platform;
    private final Notifier people;

    /** Delivers actions to {@code platform} and messages to {@code people}. */
    public Dispatch(ActionSink platform, Notifier people) {
        this.platform = platform;
        this.people = people;
    }

    /** Delivers what {@code recorded} asks to deliver, if anything. */
    public void deliver(RecordedEvent recorded) {
        long key = recorded.position();
        switch (recorded.event()) {
            case CaseEvent.RestrictionApplied e -> platform.deliver(new PlatformAction.Apply(e.subject(), e.restriction()));
            case CaseEvent.RestrictionLifted e -> platform.deliver(new PlatformAction.Lift(e.subject(), e.restriction()));
            case CaseEvent.PersonInformed e ->
                    people.send(new Message(key, e.recipient(), e.topic(), Optional.of(e.caseId()), e.decision(), e.appeal()));
            case CaseEvent ignored -> { }
            case NotifierEvent.NotifierWarned e -> people.send(new Message(key, new Recipient.Notifier(e.notifier()),
                    Topic.MISUSE_WARNING, Optional.empty(), Optional.empty(), Optional.empty()));
            case NotifierEvent.NoticeProcessingSuspended e -> people.send(new Message(key, new Recipient.Notifier(e.notifier()),
                    Topic.NOTICES_SUSPENDED, Optional.empty(), Optional.empty(), Optional.empty()));
            case NotifierEvent ignored -> { }
            case AuthorityEvent ignored -> { }
            case AccountEvent ignored -> { }
            case RuleEvent ignored -> { }
            case PolicyEvent ignored -> { }
        }
    }
}
