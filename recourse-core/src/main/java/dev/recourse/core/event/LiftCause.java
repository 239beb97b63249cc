package dev.recourse.core.event;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.safeguard.RecallId;
import java.util.Objects;
import java.util.Optional;

/** Why a restriction was lifted. */
public sealed interface LiftCause {
    /** Its end date came. */
    record Expired() implements LiftCause {}

    /** An appeal reversed the decision. */
    record Reversed(AppealId appeal) implements LiftCause {}

    /** An appeal replaced the decision by another. */
    record Replaced(AppealId appeal) implements LiftCause {}

    /**
     * A recall of the rule version that decided undid it; the subject is kept from that rule version. {@code reasons}
     * and {@code apology} are the recall's, as the affected person is told them (which the public log leaves out, like
     * every text people write); absent in lifts recorded before recalls carried them here, whose people were given a
     * fixed apology.
     */
    record Recalled(RecallId recall, Versioned rule, Optional<String> reasons, Optional<String> apology) implements LiftCause {
        public Recalled {
            Objects.requireNonNull(reasons, "reasons");
            Objects.requireNonNull(apology, "apology");
        }

        /** A lift by {@code recall} of {@code rule}, without the recall's texts: what the public log shows. */
        public Recalled(RecallId recall, Versioned rule) {
            this(recall, rule, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A person reversed the decision on their own initiative, outside any appeal, for {@code reasons} (which the public
     * log leaves out, like every text people write).
     */
    record Corrected(Person person, String reasons) implements LiftCause {}
}
