package dev.recourse.store.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shows a plan PostgreSQL cached for a statement and keeps using: the trap of docs/benchmarks.md ("Half the runs
 * were slow"). The JDBC driver prepares a statement on the server after five executions; PostgreSQL then plans it for
 * its values five more times and may switch to one generic plan, which it keeps until the tables' statistics change
 * (an ANALYZE). A generic plan made while a table was nearly empty reads it sequentially, and goes on doing so at any
 * size.
 *
 * <p>Plans are per server session, so the code under test runs on {@link #freshSession one connection}, and
 * {@link #frozenScans} asks that session which of its prepared statements have a generic plan that scans a table.
 * What the store does against the trap, {@link StatisticsRefresh}, runs on that session when a test says so
 * ({@link #refreshStatistics}), not in the background.
 */
public final class CachedPlans {
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private CachedPlans() {}

    /** A statement the session runs on a generic plan that reads {@code table} sequentially. */
    public record FrozenScan(String table, String statement, String plan) {
        @Override
        public String toString() {
            return "Seq Scan on " + table + " in a cached generic plan of: " + statement + "\n" + plan;
        }
    }

    /**
     * A new database on the test server, migrated, and a pool of exactly one connection to it, with autovacuum stopped on
     * every table of it, so that what the code runs through it shares one plan cache and no ANALYZE replaces a plan
     * while a test looks at it (autovacuum did replace it in the fast runs of the benchmark). It MUST be used by one
     * thread at a time (the sequencer's and the readers' threads take turns with the test's).
     */
    public static HikariDataSource freshSession(Path data) throws IOException, SQLException {
        DatabaseSettings settings = TestDatabases.freshSettings(data);
        try (Database migrated = Database.start(settings)) {
            // migrated, then closed: the code under test runs on a connection of its own
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("one-session");
        config.setJdbcUrl(settings.url().orElseThrow());
        config.setUsername(settings.user().orElseThrow());
        config.setPassword(settings.password().orElseThrow());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r'"
                    + " AND relnamespace = 'public'::regnamespace")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                s.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            }
        } catch (SQLException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** Analyses every table of the session's database, as autovacuum does in the first minutes once a table has 50 rows. */
    public static void analyze(DataSource session) throws SQLException {
        try (Connection c = session.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /**
     * Runs the store's statistics refresh once on {@code session}, as the running store does every second, after the
     * session's backend has reported what it wrote (backends report within a second or so; this one is made to at
     * once): every table that grew past its statistics is analysed, which invalidates the plans cached on it.
     *
     * @return the tables analysed
     */
    public static List<String> refreshStatistics(DataSource session) throws SQLException {
        try (Connection c = session.getConnection(); Statement s = c.createStatement()) {
            // Flushed when this statement ends and the backend waits for the next: before the refresh's own.
            s.execute("SELECT pg_stat_force_next_flush()");
        }
        return StatisticsRefresh.pass(session);
    }

    /**
     * Makes PostgreSQL plan now, for any values, every statement prepared in {@code session}'s one connection, and keep
     * that generic plan: as it does at a statement's sixth execution on the server, planned on the tables as they are
     * then. From then on it compares that plan's cost, never made again, with the costs of the plans it makes for the
     * values, which grow with the tables: a generic plan made on small tables ends up chosen on large ones.
     */
    public static void planGenerically(DataSource session) throws SQLException {
        genericPlans(session);
    }

    /**
     * The statements prepared in {@code session}'s one connection whose generic plan (see {@link #planGenerically})
     * scans one of their tables sequentially, but for the tables in {@code small} (one-row heads and cursors, which
     * never grow). Each plan is shown by {@code EXPLAIN EXECUTE} of the statement itself, with null parameters, in
     * {@code plan_cache_mode force_generic_plan}: the generic plan cached for it, as long as no ANALYZE or change of
     * its tables replaced it.
     */
    public static List<FrozenScan> frozenScans(DataSource session, Set<String> small) throws SQLException {
        List<FrozenScan> found = new ArrayList<>();
        for (Map.Entry<String, String> plan : genericPlans(session).entrySet()) {
            Matcher scan = SEQ_SCAN.matcher(plan.getValue());
            while (scan.find()) {
                if (!small.contains(scan.group(1))) {
                    found.add(new FrozenScan(scan.group(1), plan.getKey(), plan.getValue()));
                }
            }
        }
        return found;
    }

    /** The generic plan of each statement prepared in the session, by its text. */
    private static Map<String, String> genericPlans(DataSource session) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        try (Connection c = session.getConnection(); Statement s = c.createStatement()) {
            record Prepared(String name, String statement, int parameters) {}
            List<Prepared> prepared = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT name, statement, cardinality(parameter_types) FROM pg_prepared_statements"
                    + " WHERE NOT from_sql")) {
                while (rows.next()) {
                    prepared.add(new Prepared(rows.getString(1), rows.getString(2), rows.getInt(3)));
                }
            }
            s.execute("SET plan_cache_mode = force_generic_plan");
            try {
                for (Prepared p : prepared) {
                    StringBuilder plan = new StringBuilder();
                    String nulls = p.parameters() == 0 ? "" : "(" + String.join(", ", Collections.nCopies(p.parameters(), "NULL")) + ")";
                    try (ResultSet rows = s.executeQuery("EXPLAIN EXECUTE \"" + p.name() + "\"" + nulls)) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                    plans.put(p.statement().strip(), plan.toString());
                }
            } finally {
                s.execute("RESET plan_cache_mode");
            }
        }
        return plans;
    }
}
