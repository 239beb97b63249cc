package dev.recourse.server.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable delivery queue, one per channel, in the database's {@code delivery} tables, and the dispatcher's place
 * in the events. What is in it is delivered at least once: a delivery leaves {@link DeliveryState#PENDING} only when
 * the receiver accepted it or it ran out of attempts; a claim that a crashed node never finished lapses after its
 * lease, and the delivery is tried again. Thread-safe; several nodes may share it.
 */
public final class Deliveries {
    private static final String COLUMNS = "id, number, position, channel, type, created_at, state, failures, next_attempt_at,"
            + " delivered_at, acknowledged_at, failure_reason";

    private final DataSource dataSource;
    private final InstantSource clock;

    /**
     * The queue in {@code dataSource}, migrated.
     *
     * @param clock when deliveries are made, due, tried and acknowledged
     */
    public Deliveries(DataSource dataSource, InstantSource clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A delivery claimed for an attempt: what to send, and how often it failed before. */
    public record Claimed(UUID id, Channel channel, String type, byte[] body, int failures) {}

    /** How far a channel's queue is behind: deliveries pending, and since when the oldest waits. */
    public record Backlog(long pending, Optional<Instant> oldest) {}

    /** The position of the first event the dispatcher has not yet taken in. */
    public long nextPosition() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT next_position FROM delivery_cursor WHERE name = 'outbox'");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the delivery cursor is missing: the database is not migrated");
            }
            return rs.getLong(1);
        }
    }

    /**
     * Takes in what the events from {@code from} up to {@code next} (exclusive) ask to deliver, and moves the
     * dispatcher's place to {@code next}, in one transaction. A delivery already queued (same position and channel)
     * is dropped.
     *
     * @return false, and nothing changed, if the place was no longer {@code from} (another dispatcher moved it)
     */
    public boolean accept(long from, long next, List<Outgoing> outgoing) throws SQLException {
        if (next < from) {
            throw new IllegalArgumentException("the dispatcher moves forward, not from " + from + " to " + next);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE delivery_cursor SET next_position = ? WHERE name = 'outbox' AND next_position = ?")) {
                    s.setLong(1, next);
                    s.setLong(2, from);
                    if (s.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                Timestamp now = Timestamp.from(clock.instant());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery (id, position, channel, type, body, created_at,"
                        + " state, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (position, channel) DO NOTHING")) {
                    for (Outgoing o : outgoing) {
                        if (o.position() < from || o.position() >= next) {
                            throw new IllegalArgumentException(o + " is not of the events from " + from + " to " + next);
                        }
                        s.setObject(1, o.id());
                        s.setLong(2, o.position());
                        s.setString(3, o.channel().apiName());
                        s.setString(4, o.type());
                        s.setBytes(5, o.body());
                        s.setTimestamp(6, now);
                        s.setTimestamp(7, now);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Claims up to {@code limit} pending deliveries of {@code channels} that are due, oldest due first: each is not
     * due again until {@code lease} has passed, by when its attempt is recorded (or the node died, and it is tried
     * again).
     */
    public List<Claimed> claim(Set<Channel> channels, int limit, Duration lease) throws SQLException {
        if (channels.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE delivery SET next_attempt_at = ? WHERE id IN (SELECT id FROM delivery"
                     + " WHERE state = 'pending' AND next_attempt_at <= ? AND channel = ANY (?)"
                     + " ORDER BY next_attempt_at, number LIMIT ? FOR UPDATE SKIP LOCKED)"
                     + " RETURNING id, channel, type, body, failures, number")) {
            s.setTimestamp(1, Timestamp.from(now.plus(lease)));
            s.setTimestamp(2, Timestamp.from(now));
            Array names = c.createArrayOf("text", channels.stream().map(Channel::apiName).toArray());
            s.setArray(3, names);
            s.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject("id", UUID.class), channel(rs.getString("channel")), rs.getString("type"),
                            rs.getBytes("body"), rs.getInt("failures")));
                }
            }
            return claimed;
        }
    }

    /**
     * Records that the receiver accepted {@code id} at {@code at}, answering {@code detail}. A message's body (a
     * person's address and the text) is forgotten then: it is never sent again, and personal data is kept no longer
     * than it is needed.
     */
    public void accepted(UUID id, Instant at, String detail) throws SQLException {
        record(id, at, true, detail, "UPDATE delivery SET state = 'delivered', delivered_at = ?, next_attempt_at = NULL,"
                + " body = CASE WHEN channel = 'actions' THEN body ELSE ''::bytea END WHERE id = ? AND state = 'pending'", at);
    }

    /**
     * Records that an attempt of {@code id} at {@code at} failed with {@code detail}: it is tried again at
     * {@code retryAt}, or, when empty, it is dead.
     */
    public void failed(UUID id, Instant at, String detail, Optional<Instant> retryAt) throws SQLException {
        if (retryAt.isPresent()) {
            record(id, at, false, detail, "UPDATE delivery SET failures = failures + 1, next_attempt_at = ?"
                    + " WHERE id = ? AND state = 'pending'", retryAt.get());
        } else {
            record(id, at, false, detail, "UPDATE delivery SET failures = failures + 1, state = 'dead', next_attempt_at = NULL,"
                    + " dead_at = ? WHERE id = ? AND state = 'pending'", at);
        }
    }

    /** Records an attempt and its effect: {@code update} takes {@code time}, then the id, and changes a pending delivery only. */
    private void record(UUID id, Instant at, boolean accepted, String detail, String update, Instant time) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_attempt (delivery, number, at, accepted, detail)"
                        + " SELECT ?, coalesce(max(number), 0) + 1, ?, ?, ? FROM delivery_attempt WHERE delivery = ?")) {
                    s.setObject(1, id);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setBoolean(3, accepted);
                    s.setString(4, detail);
                    s.setObject(5, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(update)) {
                    s.setTimestamp(1, Timestamp.from(time));
                    s.setObject(2, id);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Records the platform's acknowledgement of the action {@code id}: applied, or failed for {@code reason}. It counts
     * as delivered too (the platform has it), so it is not tried again. A later acknowledgement replaces an earlier.
     *
     * @return the delivery as it is now; empty if there is no action {@code id}
     */
    public Optional<Delivery> acknowledge(UUID id, Optional<String> reason) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE delivery SET state = ?, acknowledged_at = ?, failure_reason = ?,"
                     + " delivered_at = coalesce(delivered_at, ?), next_attempt_at = NULL WHERE id = ? AND channel = 'actions'")) {
            s.setString(1, reason.isPresent() ? DeliveryState.FAILED.apiName() : DeliveryState.APPLIED.apiName());
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, reason.orElse(null));
            s.setTimestamp(4, Timestamp.from(now));
            s.setObject(5, id);
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return find(id);
    }

    /**
     * Puts the dead delivery {@code id} back in its queue, due now, with its attempts counted afresh.
     *
     * @return whether it was dead (else nothing changed)
     */
    public boolean replay(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE delivery SET state = 'pending', failures = 0, dead_at = NULL, next_attempt_at = ?"
                     + " WHERE id = ? AND state = 'dead'")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setObject(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Puts every dead delivery back in its queue, as {@link #replay} does; returns how many. */
    public int replayAll() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE delivery SET state = 'pending', failures = 0, dead_at = NULL, next_attempt_at = ?"
                     + " WHERE state = 'dead'")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            return s.executeUpdate();
        }
    }

    /** The delivery {@code id} with its attempts, if there is one. */
    public Optional<Delivery> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Delivery found;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    found = read(rs, List.of());
                }
            }
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number, at, accepted, detail FROM delivery_attempt WHERE delivery = ? ORDER BY number")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(new Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3), rs.getString(4)));
                    }
                }
            }
            return Optional.of(new Delivery(found.id(), found.number(), found.position(), found.channel(), found.type(),
                    found.createdAt(), found.state(), found.failures(), found.nextAttemptAt(), found.deliveredAt(),
                    found.acknowledgedAt(), found.failureReason(), attempts));
        }
    }

    /**
     * Up to {@code limit} deliveries in the order they were made, after the one numbered {@code after} if given, of
     * {@code channel} and in {@code state} where given; without their attempts.
     */
    public List<Delivery> list(Optional<Channel> channel, Optional<DeliveryState> state, OptionalLong after, int limit)
            throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("a listing holds at least one delivery, not " + limit);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery WHERE number > ?"
                     + " AND (?::text IS NULL OR channel = ?) AND (?::text IS NULL OR state = ?) ORDER BY number LIMIT ?")) {
            s.setLong(1, after.orElse(0));
            String channelName = channel.map(Channel::apiName).orElse(null);
            String stateName = state.map(DeliveryState::apiName).orElse(null);
            s.setString(2, channelName);
            s.setString(3, channelName);
            s.setString(4, stateName);
            s.setString(5, stateName);
            s.setInt(6, limit);
            List<Delivery> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs, List.of()));
                }
            }
            return found;
        }
    }

    /** Each channel's backlog: its pending deliveries and the oldest one's age. */
    public Map<Channel, Backlog> backlog() throws SQLException {
        Map<Channel, Backlog> backlog = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            backlog.put(channel, new Backlog(0, Optional.empty()));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT channel, count(*), min(created_at) FROM delivery WHERE state = 'pending' GROUP BY channel");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                backlog.put(channel(rs.getString(1)), new Backlog(rs.getLong(2), Optional.of(rs.getTimestamp(3).toInstant())));
            }
        }
        return backlog;
    }

    private static Delivery read(ResultSet rs, List<Attempt> attempts) throws SQLException {
        String state = rs.getString("state");
        return new Delivery(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getLong("position"),
                channel(rs.getString("channel")), rs.getString("type"), rs.getTimestamp("created_at").toInstant(),
                DeliveryState.named(state).orElseThrow(() -> new IllegalStateException("the database holds an unknown state " + state)),
                rs.getInt("failures"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), instant(rs, "acknowledged_at"),
                Optional.ofNullable(rs.getString("failure_reason")), attempts);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static Channel channel(String name) {
        return Channel.named(name).orElseThrow(() -> new IllegalStateException("the database holds an unknown channel " + name));
    }
}
