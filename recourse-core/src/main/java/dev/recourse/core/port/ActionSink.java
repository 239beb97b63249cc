package dev.recourse.core.port;

import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.subject.SubjectRef;

/**
 * Where actions go to the platform. Delivery is at least once: the platform MUST treat a repeated action (same
 * restriction id and kind) as done.
 */
public interface ActionSink {
    /** Hands one action to the platform. */
    void deliver(PlatformAction action);

    /** An action on the platform. */
    sealed interface PlatformAction {
        /** The subject acted on. */
        SubjectRef subject();

        /** Apply a restriction. */
        record Apply(SubjectRef subject, Restriction restriction) implements PlatformAction {}

        /** Lift a restriction: restore the subject as it was before it. */
        record Lift(SubjectRef subject, RestrictionId restriction) implements PlatformAction {}
    }
}
