package dev.recourse.store.ledger;

import dev.recourse.tlog.append.LogIntegrityException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The integrator's reads of the event table, and its advisory lock. */
final class EventEntries {
    private static final String ENTRIES = "SELECT position, public_entry FROM event WHERE position >= ?"
            + " ORDER BY position LIMIT ?";

    private final DataSource dataSource;

    EventEntries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection in auto-commit mode, which the integrator keeps while it holds the lock. */
    Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    /** The next position the sequencer hands out: every event below it is committed. */
    static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT next_position FROM event_head")) {
            if (!rows.next()) {
                throw new SQLException("the event head row is missing: the schema is not migrated");
            }
            return rows.getLong(1);
        }
    }

    /**
     * The public entries of up to {@code limit} events from position {@code from} on, in order.
     *
     * @throws LogIntegrityException if a position is missing in between: the events are gapless by
     *     construction, so a gap means the database lost an event
     */
    List<byte[]> entries(Connection connection, long from, int limit) throws SQLException, LogIntegrityException {
        List<byte[]> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ENTRIES)) {
            query.setLong(1, from);
            query.setInt(2, limit);
            query.setFetchSize(0);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long position = rows.getLong(1);
                    long expected = from + entries.size();
                    if (position != expected) {
                        throw new LogIntegrityException("the database has no event at position " + expected
                                + " but one at " + position + ": events are gapless, one is missing");
                    }
                    entries.add(rows.getBytes(2));
                }
            }
        }
        return entries;
    }
}
