package dev.recourse.core.appeal;

import dev.recourse.core.Ids;
import dev.recourse.core.decision.DecisionId;
import java.time.Instant;

/**
 * A complaint against a decision.
 *
 * @param id the appeal's id
 * @param decision the decision appealed
 * @param appellant who appeals
 * @param grounds why, in the appellant's words (private)
 * @param filed when it was filed
 */
public record Appeal(AppealId id, DecisionId decision, Appellant appellant, String grounds, Instant filed) {
    public Appeal {
        Ids.text("the grounds of an appeal", grounds);
    }
}
