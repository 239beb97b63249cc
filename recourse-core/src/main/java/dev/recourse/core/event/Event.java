package dev.recourse.core.event;

import java.time.Instant;

/** Something that happened. Every event says when. */
public sealed interface Event permits CaseEvent, AuthorityEvent, AccountEvent, NotifierEvent {
    /** When it happened, by the core's clock. */
    Instant at();

    /** The event's type as the log names it, e.g. {@code DecisionTaken}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
