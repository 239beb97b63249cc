package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionMonetary;
import dev.recourse.core.statement.DecisionProvision;
import dev.recourse.core.statement.DecisionVisibility;
import java.util.Optional;

/** What a restriction does, in the DSA's terms. */
public sealed interface Measure {
    /** Remove, disable, demote, age-restrict, restrict interaction, label, or other ({@code other} says what). */
    record Visibility(DecisionVisibility kind, Optional<String> other) implements Measure {
        public Visibility {
            requireOther(kind == DecisionVisibility.DECISION_VISIBILITY_OTHER, other);
        }
    }

    /** Suspend or terminate monetary payments, or other ({@code other} says what). */
    record Monetary(DecisionMonetary kind, Optional<String> other) implements Measure {
        public Monetary {
            requireOther(kind == DecisionMonetary.DECISION_MONETARY_OTHER, other);
        }
    }

    /** Suspend or terminate the provision of the service, partly or totally. */
    record Service(DecisionProvision kind) implements Measure {}

    /** Suspend or terminate the account. */
    record Account(DecisionAccount kind) implements Measure {}

    /** Whether the measure acts on a whole account or page rather than on one piece of content. */
    default boolean isAccountLevel() {
        return switch (this) {
            case Visibility ignored -> false;
            case Monetary ignored -> false;
            case Service ignored -> true;
            case Account ignored -> true;
        };
    }

    private static void requireOther(boolean isOther, Optional<String> other) {
        if (isOther != other.isPresent()) {
            throw new IllegalArgumentException(isOther ? "an \"other\" measure says what it is" : "only an \"other\" measure has a text");
        }
        other.ifPresent(text -> Ids.text("the other measure", text));
    }
}
