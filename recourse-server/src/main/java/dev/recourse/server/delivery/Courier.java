package dev.recourse.server.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * The delivery engine, one for every channel: claims the deliveries that are due, sends each through its channel's
 * transport, and records the attempt: delivered when the receiver accepted it, else tried again after a backoff, or
 * dead after the most attempts. Only channels with a transport (configured ones) are served; the others' deliveries
 * wait in their queue.
 */
public final class Courier {
    /** How long a claim keeps others from a delivery while its attempt runs: longer than any transport's timeout. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Deliveries deliveries;
    private final Map<Channel, Transport> transports;
    private final Backoff backoff;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Map<Channel, Counter> accepted = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> dead = new EnumMap<>(Channel.class);

    /**
     * @param transports how each configured channel sends
     * @param clock the time of attempts and of their backoff
     * @param random the backoff's jitter
     * @param registry where deliveries, failures and dead letters are counted
     */
    Courier(Deliveries deliveries, Map<Channel, Transport> transports, Backoff backoff, InstantSource clock, RandomGenerator random,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.transports = Map.copyOf(transports);
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
        for (Channel channel : Channel.values()) {
            accepted.put(channel, Counter.builder("recourse.delivery.delivered").tag("channel", channel.apiName())
                    .description("Deliveries the receiver accepted").register(registry));
            failed.put(channel, Counter.builder("recourse.delivery.failures").tag("channel", channel.apiName())
                    .description("Attempts that failed (each is tried again, or dead)").register(registry));
            dead.put(channel, Counter.builder("recourse.delivery.dead").tag("channel", channel.apiName())
                    .description("Deliveries that ran out of attempts: dead letters").register(registry));
        }
    }

    /**
     * Makes one attempt of each of up to {@code limit} due deliveries, at once, and records them.
     *
     * @return how many it attempted
     */
    public int deliverDue(int limit) throws SQLException, InterruptedException {
        List<Deliveries.Claimed> due = deliveries.claim(transports.keySet(), limit, LEASE);
        if (due.isEmpty()) {
            return 0;
        }
        List<Future<Transport.Sent>> sending = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Deliveries.Claimed delivery : due) {
                sending.add(senders.submit(() -> transports.get(delivery.channel()).send(delivery)));
            }
            for (int i = 0; i < due.size(); i++) {
                record(due.get(i), outcome(sending.get(i)));
            }
        }
        return due.size();
    }

    private static Transport.Sent outcome(Future<Transport.Sent> sending) throws InterruptedException {
        try {
            return sending.get();
        } catch (ExecutionException e) {
            // A transport's fault is the attempt's failure, recorded with it; the delivery is tried again.
            return new Transport.Sent(false, "failed: " + e.getCause());
        }
    }

    private void record(Deliveries.Claimed delivery, Transport.Sent sent) throws SQLException {
        Instant now = clock.instant();
        if (sent.accepted()) {
            deliveries.accepted(delivery.id(), now, sent.detail());
            accepted.get(delivery.channel()).increment();
            return;
        }
        Optional<Instant> retry = backoff.retryAt(delivery.failures(), now, random);
        deliveries.failed(delivery.id(), now, sent.detail(), retry);
        failed.get(delivery.channel()).increment();
        if (retry.isEmpty()) {
            dead.get(delivery.channel()).increment();
        }
    }
}
