package dev.recourse.core.port;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.Topic;
import java.util.Optional;

/**
 * Where notices to people go (the statement of reasons, appeal outcomes, restorations, warnings). Delivery is at
 * least once; {@code key} is the same for repeats, so the adapter can drop them.
 */
public interface Notifier {
    /** Sends one message. */
    void send(Message message);

    /**
     * A message to a person; the adapter renders it in the recipient's language from the case.
     *
     * @param key identifies the message for de-duplication: the global position of the event that caused it
     * @param recipient who is told
     * @param topic what about
     * @param caseId the case concerned, if any
     * @param decision the decision concerned, if any
     * @param appeal the appeal concerned, if any
     */
    record Message(long key, Recipient recipient, Topic topic, Optional<CaseId> caseId, Optional<DecisionId> decision,
            Optional<AppealId> appeal) {}
}
