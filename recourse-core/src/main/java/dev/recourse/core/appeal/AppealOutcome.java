package dev.recourse.core.appeal;

import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import java.util.List;

/** How an appeal was decided; every outcome carries the reviewer's reasons (the core refuses blank ones). */
public sealed interface AppealOutcome {
    /** The reviewer's reasons, for the appellant and the record. */
    String reasons();

    /** The decision stands. */
    record Upheld(String reasons) implements AppealOutcome {}

    /** The decision was wrong: its restrictions are lifted and the subject restored. */
    record Reversed(String reasons) implements AppealOutcome {}

    /**
     * The decision is replaced by another: its restrictions are lifted and {@code restrictions} applied instead,
     * with a new statement of reasons stated by {@code statement}.
     */
    record Modified(String reasons, List<PlannedRestriction> restrictions, Reasons statement) implements AppealOutcome {
        public Modified {
            restrictions = List.copyOf(restrictions);
        }
    }
}
