package dev.recourse.core.event;

import dev.recourse.core.appeal.AppealId;

/** Why a restriction was lifted. */
public sealed interface LiftCause {
    /** Its end date came. */
    record Expired() implements LiftCause {}

    /** An appeal reversed the decision. */
    record Reversed(AppealId appeal) implements LiftCause {}

    /** An appeal replaced the decision by another. */
    record Replaced(AppealId appeal) implements LiftCause {}
}
