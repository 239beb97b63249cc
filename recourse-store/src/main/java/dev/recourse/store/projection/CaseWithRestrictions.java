package dev.recourse.store.projection;

import java.util.List;
import java.util.Objects;

/**
 * A case and the restrictions in force on its subject, read together at one instant.
 *
 * @param view the case
 * @param restrictions the restrictions in force on its subject then, oldest first
 */
public record CaseWithRestrictions(CaseView view, List<StandingRestriction> restrictions) {
    public CaseWithRestrictions {
        Objects.requireNonNull(view, "view");
        restrictions = List.copyOf(restrictions);
    }
}
