package dev.recourse.store.safeguard;

import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.store.StoreException;
import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How far each recall is ({@code recall_progress} beside the safeguards' {@code rule_recall}): how many restrictions
 * stood to be lifted when it started, how many it lifted, whether it is done, and why its last run failed.
 */
public final class RecallProgress {
    private static final String STATUS = "SELECT p.number, r.recall_id, r.rule, r.from_time, r.to_time, r.started_at,"
            + " r.completed_at, r.lifted, p.to_reverse, p.failure FROM recall_progress p JOIN rule_recall r ON r.recall_id = p.recall_id";
    private static final String STARTED = "INSERT INTO recall_progress (recall_id, to_reverse) VALUES (?, ?)";

    private final DataSource dataSource;

    /** The progress kept in {@code dataSource}. */
    public RecallProgress(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a recall is. */
    public enum State {
        /** Being carried out, or waiting to be taken up again. */
        RUNNING,
        /** Every subject taken care of: completed. */
        DONE,
        /** Its last run failed (see the failure); the next start of the service takes it up again. */
        FAILED
    }

    /**
     * A recall and how far it is.
     *
     * @param number its place in the order recalls were started
     * @param recall the recall as the read model keeps it; its {@code lifted} is how many restrictions it lifted
     * @param toReverse how many restrictions stood to be lifted when it started; unknown for recalls started before
     *     this was kept
     * @param failure why its last run failed, while it did
     */
    public record Status(long number, RecallView recall, OptionalLong toReverse, Optional<String> failure) {
        /** Done once completed; failed while its last run failed; running otherwise. */
        public State state() {
            return recall.completedAt().isPresent() ? State.DONE : failure.isPresent() ? State.FAILED : State.RUNNING;
        }
    }

    /**
     * Keeps that the recall started among {@code events} stood to lift {@code toReverse} restrictions, through
     * {@code connection}, in the transaction of its {@code RecallStarted} (see
     * {@link dev.recourse.store.events.PostgresEventStore#alongside}).
     */
    static void started(Connection connection, List<RecordedEvent> events, long toReverse) throws SQLException {
        for (RecordedEvent e : events) {
            if (e.event() instanceof RuleEvent.RecallStarted started) {
                try (PreparedStatement insert = connection.prepareStatement(STARTED)) {
                    insert.setObject(1, started.recall().value());
                    insert.setLong(2, toReverse);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The recall {@code id} and how far it is, if there is one. */
    public Optional<Status> of(RecallId id) {
        return Queries.list(dataSource, "the recalls' progress", STATUS + " WHERE p.recall_id = ?", s -> s.setObject(1, id.value()),
                RecallProgress::status).stream().findFirst();
    }

    /** Up to {@code limit} recalls in the order they were started, after the one numbered {@code after} if given. */
    public List<Status> list(OptionalLong after, int limit) {
        return Queries.list(dataSource, "the recalls' progress", STATUS + " WHERE p.number > ? ORDER BY p.number LIMIT ?", s -> {
            s.setLong(1, after.orElse(0));
            s.setInt(2, limit);
        }, RecallProgress::status);
    }

    /** Every recall not completed, oldest first: what a starting service takes up. */
    public List<Status> unfinished() {
        return Queries.list(dataSource, "the recalls' progress", STATUS + " WHERE r.completed_at IS NULL ORDER BY p.number",
                s -> { }, RecallProgress::status);
    }

    /** Notes that a run of {@code recall} failed at {@code at} for {@code reason}; the recall stays unfinished. */
    public void failed(RecallId recall, String reason, Instant at) {
        update("UPDATE recall_progress SET failure = ?, failed_at = ? WHERE recall_id = ?", recall, s -> {
            s.setString(1, reason);
            s.setTimestamp(2, Timestamp.from(at));
            s.setObject(3, recall.value());
        });
    }

    /** Notes that a run takes {@code recall} up: it is running again, its last failure forgotten. */
    public void resumed(RecallId recall) {
        update("UPDATE recall_progress SET failure = NULL, failed_at = NULL WHERE recall_id = ?", recall,
                s -> s.setObject(1, recall.value()));
    }

    /**
     * Runs {@code run} while this process alone carries out {@code recall}, holding a PostgreSQL advisory lock keyed on
     * the recall on a connection of its own, so that two nodes taking up the same unfinished recall at once do not
     * both do its work; or runs nothing when another session holds it.
     *
     * @return what {@code run} returned, or empty when the recall is carried out elsewhere
     * @throws StoreException if the lock cannot be taken or given back
     */
    public <T> Optional<T> alone(RecallId recall, java.util.function.Supplier<T> run) {
        long key = lockKey(recall);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!Queries.tryAdvisoryLock(c, key)) {
                return Optional.empty();
            }
            try {
                return Optional.of(run.get());
            } finally {
                Queries.advisoryUnlock(c, key);
            }
        } catch (SQLException e) {
            throw new StoreException("could not take or give back the lock of recall " + recall + ": " + e.getMessage(), e);
        }
    }

    /**
     * The advisory lock key of {@code recall}: its 128 bits folded to 64. Two recalls sharing a key would only take
     * turns; the integrator's key is ASCII text, which a version-4 UUID's fold hits with probability 2^-64.
     */
    static long lockKey(RecallId recall) {
        return recall.value().getMostSignificantBits() ^ recall.value().getLeastSignificantBits();
    }

    private void update(String sql, RecallId recall, Queries.Parameters parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not note the progress of recall " + recall + ": " + e.getMessage(), e);
        }
    }

    private static Status status(ResultSet rows) throws SQLException {
        RecallView view = new RecallView(new RecallId(rows.getObject(2, UUID.class)), dev.recourse.core.decider.Versioned.parse(rows.getString(3)),
                instant(rows, 4), instant(rows, 5), instant(rows, 6).orElseThrow(), instant(rows, 7), rows.getLong(8));
        long toReverse = rows.getLong(9);
        OptionalLong known = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(toReverse);
        return new Status(rows.getLong(1), view, known, Optional.ofNullable(rows.getString(10)));
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
