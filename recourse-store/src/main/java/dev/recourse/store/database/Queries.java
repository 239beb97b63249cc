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
 * What the store's parts do alike with the database: prepare the statements planned at each execution, read rows, catch up
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
     * cached for the statement (an unnamed statement, the driver's {@code prepareThreshold} 0). For two kinds of
     * statements only: those run once per batch with the batch's keys in arrays (the sequencer's projections, the
     * breakers' counts), whose planning is shared by the batch and whose best plan depends on how many keys it has; and
     * the sweeps by a range run now and then (deleting what is older than a retention), whose generic plan could read
     * a whole table, as a range with unknown bounds may match any share of it.
     *
     * <p>Everything else, the statements run per request or per delivery included, is prepared as usual
     * ({@link Connection#prepareStatement}): the driver prepares it on the server after five executions and PostgreSQL
     * may then keep one generic plan for it. A generic plan made while a table was small reads it sequentially, and
     * stays until an ANALYZE of the table; the store's {@link StatisticsRefresh} analyses a table as it grows, so such a
     * plan lasts until the table holds a thousand rows at most. The store's CachedPlanTrapTest (and the server's
     * CachedPlanTrapServerTest) find any prepared statement whose generic plan still scans a grown table after the
     * refresh: those belong here. Planning each per-request statement at every execution cost about 0.13 ms of the
     * database's CPU per request of the API's mix (docs/benchmarks.md); planning every statement so
     * ({@code plan_cache_mode=force_custom_plan}) doubles its CPU per decision on the write path.
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
     * The rows {@code sql} finds, each read by {@code row}: a statement prepared as usual, whose plan PostgreSQL may
     * keep (see {@link #prepareForKeys} for why that is safe).
     *
     * @throws StoreException naming {@code what} was read, if the database fails
     */
    public static <T> List<T> list(DataSource dataSource, String what, String sql, Parameters parameters, Row<T> row) {
        return list(dataSource, what, sql, Connection::prepareStatement, parameters, row);
    }

    /**
     * The rows {@code sql} finds, each read by {@code row}, planned for its own values at each execution
     * ({@link #prepareForKeys}): for a search whose best plan depends on its values (the portal's, bounded by a span of
     * positions as wide as its days), which one plan for any values could not serve; its planning is small beside
     * what it reads.
     *
     * @throws StoreException naming {@code what} was read, if the database fails
     */
    public static <T> List<T> listPlannedForValues(DataSource dataSource, String what, String sql, Parameters parameters,
            Row<T> row) {
        return list(dataSource, what, sql, Queries::prepareForKeys, parameters, row);
    }

    /** Prepares a statement on a connection. */
    @FunctionalInterface
    private interface Preparation {
        PreparedStatement prepare(Connection connection, String sql) throws SQLException;
    }

    private static <T> List<T> list(DataSource dataSource, String what, String sql, Preparation preparation, Parameters parameters,
            Row<T> row) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = preparation.prepare(connection, sql)) {
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
