package dev.recourse.server.delivery;

import dev.recourse.core.Ids;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.port.ActionSink.PlatformAction;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.Notifier.Message;
import dev.recourse.core.process.Dispatch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The outbox's reader: takes the stored events in position order from its place, asks the core's {@link Dispatch}
 * what each one delivers, writes it out (actions as webhooks; messages as letters, by e-mail where the person has an
 * address and e-mail is configured, else handed to the platform), and puts it into the durable queues, moving its
 * place past those events in the same transaction. So nothing committed is skipped, and a restart redelivers only
 * what the queue then drops as a repeat.
 */
public final class Dispatcher {
    private final EventStore events;
    private final Deliveries deliveries;
    private final Letters letters;
    private final boolean email;
    private final RandomGenerator random;

    /**
     * @param email whether messages to people with an e-mail address go by e-mail (SMTP is configured)
     * @param random draws the deliveries' ids
     */
    public Dispatcher(EventStore events, Deliveries deliveries, Letters letters, boolean email, RandomGenerator random) {
        this.events = events;
        this.deliveries = deliveries;
        this.letters = letters;
        this.email = email;
        this.random = random;
    }

    /**
     * Takes in up to {@code limit} events after its place.
     *
     * @return how many events it took in; 0 when there were none (or another dispatcher took them meanwhile)
     */
    public int dispatch(int limit) throws SQLException {
        long from = deliveries.nextPosition();
        EventStore.Selected batch = events.readAll(from, limit, Dispatch.DELIVERING);
        if (batch.next() == from) {
            return 0;
        }
        // A decision's messages to both sides are about one case: its language is found once per batch, in the stream
        // the messages' events are recorded in.
        Letters letters = this.letters.remembering();
        List<Outgoing> outgoing = new ArrayList<>();
        for (RecordedEvent recorded : batch.events()) {
            new Dispatch(action -> outgoing.add(action(recorded, action)), message -> outgoing.add(message(recorded, message, letters)))
                    .deliver(recorded);
        }
        return deliveries.accept(from, batch.next(), outgoing) ? Math.toIntExact(batch.next() - from) : 0;
    }

    private Outgoing action(RecordedEvent recorded, PlatformAction action) {
        UUID id = id();
        return new Outgoing(id, recorded.position(), Channel.ACTIONS, Payloads.type(action),
                Payloads.action(id, recorded.position(), recorded.event().at(), action));
    }

    private Outgoing message(RecordedEvent recorded, Message message, Letters letters) {
        Letter letter = letters.write(message, recorded.stream());
        UUID id = id();
        Optional<Contact> address = switch (message.recipient()) {
            case Recipient.NoticeSender sender -> sender.contact();
            case Recipient.Owner ignored -> Optional.empty();
            case Recipient.Notifier ignored -> Optional.empty();
        };
        if (email && address.isPresent()) {
            return new Outgoing(id, recorded.position(), Channel.EMAIL, Payloads.type(message), Payloads.email(address.get(), letter));
        }
        return new Outgoing(id, recorded.position(), Channel.MESSAGES, Payloads.type(message),
                Payloads.inApp(id, recorded.position(), recorded.event().at(), message, letter));
    }

    private UUID id() {
        return Ids.uuid(random);
    }
}
