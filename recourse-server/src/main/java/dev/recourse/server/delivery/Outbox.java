package dev.recourse.server.delivery;

import dev.recourse.core.port.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery, running: the {@link Dispatcher} takes new events into the queues and the {@link Courier} delivers what is
 * due, each on its own thread, every {@link DeliverySettings#poll()}. A failure of the database is logged and the
 * work tried again at the next poll; nothing is lost, since the queues and the dispatcher's place are in the database.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** Events taken in per transaction. */
    static final int DISPATCH_BATCH = 500;
    /** Deliveries attempted at once. */
    static final int DELIVERY_BATCH = 64;
    /**
     * How often the queues' backlog is counted for the gauges, at most: counting reads every pending delivery, and a
     * queue whose receiver is down grows by every action and message, so it is not counted at every poll.
     */
    static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

    private final ScheduledExecutorService threads;
    private final Dispatcher dispatcher;
    private final Courier courier;
    private final Deliveries deliveries;
    private final InstantSource clock;
    private volatile Map<Channel, Deliveries.Backlog> backlog;
    /** When the backlog was last counted; empty before the first count. Only the delivering thread uses it. */
    private Optional<Instant> counted = Optional.empty();

    private Outbox(ScheduledExecutorService threads, Dispatcher dispatcher, Courier courier, Deliveries deliveries,
            InstantSource clock) {
        this.threads = threads;
        this.dispatcher = dispatcher;
        this.courier = courier;
        this.deliveries = deliveries;
        this.clock = clock;
        Map<Channel, Deliveries.Backlog> empty = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            empty.put(channel, new Deliveries.Backlog(0, Optional.empty()));
        }
        this.backlog = empty;
    }

    /**
     * Starts delivering the events of {@code events} through {@code deliveries} as {@code settings} say.
     *
     * @param letters writes the messages to people
     * @param clock the time of deliveries and attempts, and of the backoff
     * @param random ids of deliveries and the backoff's jitter
     * @param registry where deliveries, failures, dead letters and the queues' backlog are measured
     */
    public static Outbox start(DeliverySettings settings, EventStore events, Deliveries deliveries, Letters letters,
            InstantSource clock, RandomGenerator random, MeterRegistry registry) {
        Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
        HttpClient http = Webhook.client();
        settings.actions().ifPresent(e -> transports.put(Channel.ACTIONS, new Webhook(http, e.url(), e.secret(), clock)));
        settings.messages().ifPresent(e -> transports.put(Channel.MESSAGES, new Webhook(http, e.url(), e.secret(), clock)));
        settings.smtp().ifPresent(smtp -> transports.put(Channel.EMAIL, new Mail(smtp, clock)));
        Dispatcher dispatcher = new Dispatcher(events, deliveries, letters, settings.smtp().isPresent(), random);
        Courier courier = new Courier(deliveries, transports, settings.backoff(), clock, random, registry);
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, Thread.ofVirtual().name("recourse-delivery-", 0).factory());
        Outbox outbox = new Outbox(threads, dispatcher, courier, deliveries, clock);
        for (Channel channel : Channel.values()) {
            Gauge.builder("recourse.delivery.pending", () -> outbox.backlog.get(channel).pending())
                    .tag("channel", channel.apiName())
                    .description("Deliveries waiting for their first or next attempt").register(registry);
            Gauge.builder("recourse.delivery.queue.age", () -> outbox.backlog.get(channel).oldest()
                            .map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                    .tag("channel", channel.apiName()).baseUnit("seconds")
                    .description("How long the oldest pending delivery has waited").register(registry);
        }
        long every = settings.poll().toMillis();
        threads.scheduleWithFixedDelay(outbox::dispatch, 0, every, TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(outbox::deliver, every / 2, every, TimeUnit.MILLISECONDS);
        return outbox;
    }

    private void dispatch() {
        try {
            while (dispatcher.dispatch(DISPATCH_BATCH) > 0) {
                // Until it has caught up with the events.
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not take new events into the delivery queues; trying again", e);
        }
    }

    private void deliver() {
        try {
            while (courier.deliverDue(DELIVERY_BATCH) > 0) {
                // Until nothing is due.
            }
            Instant now = clock.instant();
            if (counted.isEmpty() || !now.isBefore(counted.get().plus(BACKLOG_EVERY))) {
                backlog = deliveries.backlog();
                counted = Optional.of(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not deliver; trying again", e);
        }
    }

    /** Stops: attempts under way are interrupted; their deliveries are tried again after a restart. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("delivery did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
