package dev.recourse.server.page;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.port.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where the page of a decision or a notice finds what it shows: the case stream the decision or notice belongs to, and
 * the position of the event that recorded it, kept in the {@code page_target} table. The table follows the events:
 * an id it does not know makes it take in the events stored since it last looked, so it needs no hook in the write
 * path and fills itself on a database that held events before it existed. Thread-safe; several nodes may share it.
 */
public final class PageTargets {
    /** Events read per round while catching up. */
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final EventStore events;

    /** A decision or notice: the case stream it belongs to and where it was recorded. */
    public record Target(StreamId stream, long position) {}

    /** The targets of the events in {@code events}, kept in {@code dataSource}. */
    public PageTargets(DataSource dataSource, EventStore events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /** The case and position of {@code decision}, if it was taken. */
    public Optional<Target> decision(DecisionId decision) throws SQLException {
        return find("DECISION", decision.value());
    }

    /** The case and position of {@code notice}, if it was received. */
    Optional<Target> notice(NoticeId notice) throws SQLException {
        return find("NOTICE", notice.value());
    }

    private Optional<Target> find(String kind, UUID id) throws SQLException {
        Optional<Target> known = lookUp(kind, id);
        if (known.isPresent()) {
            return known;
        }
        catchUp();
        return lookUp(kind, id);
    }

    private Optional<Target> lookUp(String kind, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT case_key, position FROM page_target WHERE kind = ? AND id = ?")) {
            s.setString(1, kind);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Target(new StreamId(StreamId.Kind.CASE, rs.getString(1)), rs.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /** Takes in the events stored since the head, a batch per transaction; the head's row lock keeps nodes apart. */
    private void catchUp() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                while (true) {
                    long next;
                    try (PreparedStatement s = c.prepareStatement("SELECT next_position FROM page_target_head FOR UPDATE");
                         ResultSet rs = s.executeQuery()) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                    List<RecordedEvent> batch = events.readAll(next, BATCH);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO page_target (kind, id, case_key, position)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                        for (RecordedEvent e : batch) {
                            // Only decisions and notices have pages.
                            if (e.event() instanceof CaseEvent.DecisionTaken taken) {
                                add(insert, "DECISION", taken.decision().id().value(), e);
                            } else if (e.event() instanceof CaseEvent.NoticeReceived received) {
                                add(insert, "NOTICE", received.notice().id().value(), e);
                            }
                        }
                        insert.executeBatch();
                    }
                    long after = batch.isEmpty() ? next : batch.getLast().position() + 1;
                    try (PreparedStatement s = c.prepareStatement("UPDATE page_target_head SET next_position = ?")) {
                        s.setLong(1, after);
                        s.executeUpdate();
                    }
                    c.commit();
                    if (batch.size() < BATCH) {
                        return;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void add(PreparedStatement insert, String kind, UUID id, RecordedEvent e) throws SQLException {
        insert.setString(1, kind);
        insert.setObject(2, id);
        insert.setString(3, e.stream().key());
        insert.setLong(4, e.position());
        insert.addBatch();
    }
}
