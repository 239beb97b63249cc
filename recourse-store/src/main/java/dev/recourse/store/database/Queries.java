package dev.recourse.store.database;

import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.port.EventStore;
import dev.recourse.store.StoreException;
import dev.recourse.store.events.EventProjection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the store's parts do alike with the database: prepare statements that find rows by keys, read rows, catch up
 * with the events on start, take advisory locks, and read the outcome of a round trip of several statements.
 */
public final class Queries {
    private static final int CATCH_UP_BATCH = 1_000;

    private Queries() {}

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Prepares {@code sql} to be planned by PostgreSQL for its own parameters at every execution, never from a plan it
     * cached for the statement. Every statement that finds, changes or deletes rows of a table that grows by keys or
     * by a range MUST be prepared here (the store's CachedPlanTrapTest finds those that are not).
     *
     * <p>Why: the JDBC driver prepares a statement on the server after five executions, and PostgreSQL then plans it
     * for its values five times more, makes one generic plan for any values, and keeps it as long as it seems no
     * dearer than the plans for the values, until the tables' statistics change (an ANALYZE). A generic plan made
     * while a table was small (just created, or analysed by autovacuum in its first minutes) reads it sequentially;
     * the plans for the values grow dearer with the table while the cost of the kept plan does not, so the sequential
     * scan stays, or is chosen later, on a table that has grown to any size, until an ANALYZE happens to come round
     * (15 ms a batch at 80,000 cases, half the write path, docs/benchmarks.md). An unnamed statement is planned
     * afresh each time, on the table as it is (the planner reads its current size), at the cost of one planning. The
     * statements that only insert from arrays ({@code INSERT ... SELECT FROM unnest(...)}) have no plan to choose
     * and keep the driver's default; so does the whole service, as planning every statement for its values
     * ({@code plan_cache_mode=force_custom_plan}) cost six times the database's CPU per decision.
     */
    public static PreparedStatement prepareForKeys(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /**
     * The rows {@code sql} finds, each read by {@code row}, planned for its parameters ({@link #prepareForKeys}).
     *
     * @throws StoreException naming {@code what} was read, if the database fails
     */
    public static <T> List<T> list(DataSource dataSource, String what, String sql, Parameters parameters, Row<T> row) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepareForKeys(connection, sql)) {
            parameters.set(statement);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(row.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException(what + " could not be queried: " + e.getMessage(), e);
        }
    }

    /**
     * Takes into a read model the events it has not seen yet, read from {@code events}, in transactions of up to a
     * thousand events: {@code head} selects (FOR UPDATE) the position it has taken in up to, and {@code projection}
     * MUST advance it. Run on start, before anything is written.
     *
     * @return how many events it took in
     * @throws StoreException naming {@code what} catches up, if the database fails
     */
    public static long catchUp(DataSource dataSource, String what, String head, EventStore events, EventProjection projection) {
        return catchUp(dataSource, what, head, events, projection, taken -> { });
    }

    /**
     * As {@link #catchUp(DataSource, String, String, EventStore, EventProjection)}, telling {@code progress} after each
     * transaction how many events it has taken in so far.
     */
    public static long catchUp(DataSource dataSource, String what, String head, EventStore events, EventProjection projection,
            java.util.function.LongConsumer progress) {
        long taken = 0;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    long next;
                    try (PreparedStatement query = connection.prepareStatement(head); ResultSet rows = query.executeQuery()) {
                        rows.next();
                        next = rows.getLong(1);
                    }
                    List<RecordedEvent> batch = events.readAll(next, CATCH_UP_BATCH);
                    projection.apply(connection, batch);
                    connection.commit();
                    taken += batch.size();
                    progress.accept(taken);
                    if (batch.isEmpty()) {
                        return taken;
                    }
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException(what + " could not catch up with the events: " + e.getMessage(), e);
            }
        }
    }

    /** Takes the session-level advisory lock {@code key} on {@code connection} if it is free; whether it did. */
    public static boolean tryAdvisoryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Gives back the session-level advisory lock {@code key} that {@code connection} holds. */
    public static void advisoryUnlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.executeQuery().close();
        }
    }

    /**
     * The update count of the last statement of the round trip {@code statement} just executed (several statements in
     * one string), reading past the others' results: for instance the head advance that ends a projection's save.
     */
    public static int lastUpdateCount(Statement statement) throws SQLException {
        int count = statement.getUpdateCount();
        while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
            count = statement.getUpdateCount();
        }
        return count;
    }
}
