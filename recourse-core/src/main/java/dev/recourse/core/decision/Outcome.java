package dev.recourse.core.decision;

import dev.recourse.core.Ids;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.statement.StatementOfReasons;
import java.util.List;

/** What a decision did. */
public sealed interface Outcome {
    /** Restrictions, with the complete statement of reasons that justifies them. */
    record Restrict(List<Restriction> restrictions, StatementOfReasons statement) implements Outcome {
        public Restrict {
            restrictions = List.copyOf(restrictions);
            if (restrictions.isEmpty()) {
                throw new IllegalArgumentException("a restrictive decision has at least one restriction");
            }
        }
    }

    /** Nothing was done; the reasons say why, for the notifier. */
    record NoAction(String reasons, Deciders deciders) implements Outcome {
        public NoAction {
            Ids.text("the reasons for taking no action", reasons);
        }
    }

    /** Who decided. */
    default Deciders deciders() {
        return switch (this) {
            case Restrict r -> r.statement().deciders();
            case NoAction n -> n.deciders();
        };
    }

    /** The restrictions; none for no action. */
    default List<Restriction> restrictions() {
        return switch (this) {
            case Restrict r -> r.restrictions();
            case NoAction ignored -> List.of();
        };
    }
}
