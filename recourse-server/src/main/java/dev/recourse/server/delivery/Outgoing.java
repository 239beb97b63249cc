package dev.recourse.server.delivery;

import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one event asks to deliver on one channel, ready to send: the dispatcher makes it, the queue keeps it, a
 * transport sends it as it is on every attempt.
 *
 * @param id the delivery's id, in its body and the {@code webhook-id} of its attempts
 * @param position the event that asked for it; with the channel, it keys the delivery, so a repeat is dropped
 * @param channel where it goes
 * @param type what it is, {@code action.apply}, {@code message.decision}, ... (the webhook payload's type)
 * @param body what is sent: a webhook's JSON body, or an e-mail as JSON; copied in and out
 */
public record Outgoing(UUID id, long position, Channel channel, String type, byte[] body) {
    private static final Pattern TYPE = Pattern.compile("[a-z]+\\.[a-z_]+");

    public Outgoing {
        if (position < 0) {
            throw new IllegalArgumentException("a position is at least 0, not " + position);
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a delivery's type is like action.apply, not " + type);
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outgoing o && id.equals(o.id) && position == o.position && channel == o.channel && type.equals(o.type)
                && Arrays.equals(body, o.body);
    }

    @Override
    public int hashCode() {
        return (id.hashCode() * 31 + Long.hashCode(position) * 31 + channel.hashCode()) * 31 + type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Outgoing[" + id + " " + position + " " + channel.apiName() + " " + type + ", " + body.length + " bytes]";
    }
}
