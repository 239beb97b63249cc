package dev.recourse.core.port;

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
     * A message to a person.
     *
     * @param key identifies the message for de-duplication (the global position of the event that caused it)
     * @param recipient who is told
     * @param topic what about
     * @param caseKey the stream of the case concerned, if any, so that the notice page can show the whole story
     */
    record Message(long key, Recipient recipient, Topic topic, Optional<String> caseKey) {}
}
