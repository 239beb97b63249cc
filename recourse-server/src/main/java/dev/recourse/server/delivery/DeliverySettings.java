package dev.recourse.server.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * Where deliveries go and how hard they are tried. A channel that is not configured is not served: its deliveries
 * wait in its queue until it is.
 *
 * @param actions the platform's endpoint for actions
 * @param messages the platform's endpoint for messages to people, for in-app delivery
 * @param smtp the SMTP server for e-mail to people with an address; without it, those messages go in-app too
 * @param backoff when failed deliveries are tried again, and how often at most
 * @param poll how often the queues are looked at for events to take in and deliveries that are due
 */
public record DeliverySettings(Optional<Endpoint> actions, Optional<Endpoint> messages, Optional<SmtpSettings> smtp,
        Backoff backoff, Duration poll) {
    /** The most attempts of a delivery by default: with the default backoff, about 11 hours of trying. */
    public static final int DEFAULT_MAX_ATTEMPTS = 12;
    /** The delay after a first failure by default. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);
    /** The longest delay by default. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(10);
    /** How often the queues are looked at by default. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    public DeliverySettings {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the queues are polled after a positive time, not " + poll);
        }
    }

    /** Nothing configured: deliveries are queued and wait; the default backoff. */
    public static DeliverySettings none() {
        return new DeliverySettings(Optional.empty(), Optional.empty(), Optional.empty(),
                new Backoff(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_BACKOFF_MAX), DEFAULT_POLL);
    }
}
