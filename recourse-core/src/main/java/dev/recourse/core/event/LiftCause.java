package dev.recourse.core.event;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.safeguard.RecallId;

/** Why a restriction was lifted. */
public sealed interface LiftCause {
    /** Its end date came. */
    record Expired() implements LiftCause {}

    /** An appeal reversed the decision. */
    record Reversed(AppealId appeal) implements LiftCause {}

    /** An appeal replaced the decision by another. */
    record Replaced(AppealId appeal) implements LiftCause {}

    /** A recall of the rule version that decided undid it; the subject is kept from that rule version. */
    record Recalled(RecallId recall, Versioned rule) implements LiftCause {}

    /**
     * A person reversed the decision on their own initiative, outside any appeal, for {@code reasons} (which the public
     * log leaves out, like every text people write).
     */
    record Corrected(Person person, String reasons) implements LiftCause {}
}
