package dev.recourse.store.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's statistics of the tables that grow close to their size: in the background, never in a caller's
 * path, it ANALYZEs every table of the schema that has {@link #MINIMUM_ROWS} rows or more and twice as many as when it
 * was last analysed (or vacuumed).
 *
 * <p>Why: the statements run per request (the API's reads, the Idempotency-Key records, the outbox's deliveries, the
 * pages' lookups) stay prepared on the server, so PostgreSQL may keep one generic plan for each, made on the
 * statistics of that moment, and keeps it until an ANALYZE of its tables invalidates it. A plan made while a table held
 * a few rows (a new database, analysed by autovacuum at 50 rows) reads it sequentially at any size; autovacuum's next
 * ANALYZE comes when its launcher comes round (a minute), by when a table growing under load holds tens of thousands
 * of rows. This refresh bounds that: each of its ANALYZEs invalidates the plans on the table in every session, and the
 * next plans are made on the table as it is. Past {@link #MINIMUM_ROWS} a key lookup's generic plan uses the index
 * (an index scan wins from a few hundred rows), and it keeps doing so as the table grows; so a plan made on a small
 * table lasts until the table reaches {@link #MINIMUM_ROWS} rows at most (plus one {@link #PERIOD}), and reads at most
 * that many. Doubling keeps the statistics within a factor two of the table, for the plans made for their values,
 * at a number of ANALYZEs that grows with the logarithm of the table (about 14 from a thousand rows to ten million).
 *
 * <p>It reads the cumulative statistics ({@code pg_stat_user_tables}), which every backend reports within a second of
 * its transactions, so growth by any path counts, the server's tables' as well as the store's. An ANALYZE skips a
 * table whose lock it cannot take at once ({@code SKIP_LOCKED}): it never waits on autovacuum (which a waiting
 * ANALYZE would cancel after a second) nor holds up anything; the next pass tries again. It analyses the tables the
 * user owns (directly or through a role), as the user that migrated them does; others are left to autovacuum.
 */
final class StatisticsRefresh implements AutoCloseable {
    /** A table is refreshed from this many rows: past a few hundred, a key lookup's plan uses the index. */
    static final long MINIMUM_ROWS = 1_000;
    /** How often the statistics are looked at: about as often as the backends report them. */
    static final Duration PERIOD = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefresh.class);
    /**
     * The tables of the schema past the minimum with twice the rows of their statistics ({@code reltuples}, -1 before
     * the first ANALYZE or VACUUM), each named as ANALYZE takes it; only those the user may analyse as their owner (or
     * a member of the owning role), so that a table it may not analyse is not tried, and warned about, every second.
     */
    private static final String GROWN = "SELECT format('%I.%I', s.schemaname, s.relname) FROM pg_stat_user_tables s"
            + " JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = current_schema() AND s.n_live_tup >= ?"
            + " AND s.n_live_tup >= 2 * greatest(c.reltuples, 0) AND pg_has_role(c.relowner, 'USAGE')"
            + " ORDER BY s.n_live_tup DESC";

    private final DataSource dataSource;
    private final ScheduledExecutorService schedule;

    private StatisticsRefresh(DataSource dataSource, ScheduledExecutorService schedule) {
        this.dataSource = dataSource;
        this.schedule = schedule;
    }

    /** Starts refreshing the statistics of {@code dataSource}'s schema every {@link #PERIOD}, on a thread of its own. */
    static StatisticsRefresh start(DataSource dataSource) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("statistics-refresh").factory());
        StatisticsRefresh refresh = new StatisticsRefresh(dataSource, schedule);
        schedule.scheduleWithFixedDelay(refresh::passLogged, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return refresh;
    }

    /**
     * One pass: analyses the tables of {@code dataSource}'s schema that grew past their statistics as the class says.
     *
     * @return the tables analysed (none skipped for a lock)
     * @throws SQLException if the database fails
     */
    static List<String> pass(DataSource dataSource) throws SQLException {
        List<String> analysed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> grown = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(GROWN)) {
                query.setLong(1, MINIMUM_ROWS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        grown.add(rows.getString(1));
                    }
                }
            }
            try (Statement analyse = c.createStatement()) {
                for (String table : grown) {
                    // A name from the catalogue, quoted by format('%I'): nothing from outside goes into the statement.
                    analyse.clearWarnings();
                    analyse.execute("ANALYZE (SKIP_LOCKED) " + table);
                    // A table skipped for its lock is only warned of ("skipping analyze of ..."): not analysed.
                    if (analyse.getWarnings() == null) {
                        analysed.add(table);
                    }
                }
            }
        }
        return analysed;
    }

    /** A pass on the schedule: a failure (the database restarting, say) is logged, and the next pass tries again. */
    private void passLogged() {
        try {
            List<String> analysed = pass(dataSource);
            if (!analysed.isEmpty()) {
                LOG.debug("analysed the grown tables {}", analysed);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not refresh the statistics of the grown tables; the next pass tries again", e);
        }
    }

    /**
     * Stops the passes, waiting for one under way (not interrupted, so that it ends without a failure to log): closed
     * before the pool it takes its connection from.
     */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the statistics refresh did not stop within 30 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
