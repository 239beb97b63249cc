package dev.recourse.core.event;

import java.time.Instant;

/** Something that happened. Every event says when. */
public sealed interface Event permits CaseEvent, AuthorityEvent, AccountEvent, NotifierEvent, RuleEvent, PolicyEvent {
    /** When it happened, by the core's clock. */
    Instant at();

    /**
     * The event's type as the log and the store name it: the simple name of its record, e.g. {@code DecisionTaken}.
     * Events MUST NOT override it (see {@code EventCodec} for why the name is stable).
     */
    default String type() {
        return TypeNames.OF.get(getClass());
    }
}
