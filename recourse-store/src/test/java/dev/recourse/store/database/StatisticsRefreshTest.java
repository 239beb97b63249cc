package dev.recourse.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store analyses a table itself once it holds {@link StatisticsRefresh#MINIMUM_ROWS} rows and twice what its
 * statistics say, in the background, and leaves the others alone. The tables here have autovacuum off, so that every
 * ANALYZE seen is the refresh's.
 */
class StatisticsRefreshTest {
    private static final int MINIMUM = (int) StatisticsRefresh.MINIMUM_ROWS;

    @TempDir
    Path data;

    @Test
    void aRunningDatabaseAnalysesATableThatGrewToTheMinimumInTheBackground() throws Exception {
        try (Database database = Database.start(TestDatabases.freshSettings(data))) {
            execute(database.dataSource(), "CREATE TABLE grown (id int PRIMARY KEY) WITH (autovacuum_enabled = false)");
            insert(database.dataSource(), "grown", 1, MINIMUM);

            await().atMost(Duration.ofSeconds(30)).until(() -> analyses(database.dataSource(), "grown") == 1);
        }
    }

    @Test
    void aPlanCachedWhileTheTableWasSmallIsReplacedOnceTheTableHoldsTheMinimum() throws Exception {
        try (HikariDataSource session = CachedPlans.freshSession(data)) {
            execute(session, "CREATE TABLE grown (id int PRIMARY KEY, note text) WITH (autovacuum_enabled = false)");
            execute(session, "INSERT INTO grown SELECT g, 'n' FROM generate_series(1, 50) g");
            execute(session, "ANALYZE grown"); // as autovacuum does at 50 rows
            for (int i = 0; i < 12; i++) {
                try (Connection c = session.getConnection(); PreparedStatement lookUp = c.prepareStatement(
                        "SELECT note FROM grown WHERE id = ?")) {
                    lookUp.setInt(1, i);
                    lookUp.executeQuery().close();
                }
            }
            CachedPlans.planGenerically(session);
            assertThat(CachedPlans.frozenScans(session, Set.of())).extracting(CachedPlans.FrozenScan::table).contains("grown");

            execute(session, "INSERT INTO grown SELECT g, 'n' FROM generate_series(51, " + MINIMUM + ") g");
            assertThat(CachedPlans.refreshStatistics(session)).contains("public.grown");

            assertThat(CachedPlans.frozenScans(session, Set.of())).isEmpty();
        }
    }

    @Test
    void aTableBelowTheMinimumIsLeftAlone() throws Exception {
        try (HikariDataSource session = CachedPlans.freshSession(data)) {
            execute(session, "CREATE TABLE small (id int PRIMARY KEY) WITH (autovacuum_enabled = false)");
            insert(session, "small", 1, MINIMUM - 1);
            awaitReported(session, "small", MINIMUM - 1);

            assertThat(StatisticsRefresh.pass(session)).doesNotContain("public.small");
            assertThat(analyses(session, "small")).isZero();
        }
    }

    @Test
    void anAnalysedTableIsAnalysedAgainOnlyOnceItHasDoubled() throws Exception {
        try (HikariDataSource session = CachedPlans.freshSession(data)) {
            execute(session, "CREATE TABLE grown (id int PRIMARY KEY) WITH (autovacuum_enabled = false)");
            insert(session, "grown", 1, 2_000);
            awaitReported(session, "grown", 2_000);
            assertThat(StatisticsRefresh.pass(session)).contains("public.grown");

            insert(session, "grown", 2_001, 3_999);
            awaitReported(session, "grown", 3_999);
            assertThat(StatisticsRefresh.pass(session)).doesNotContain("public.grown");

            insert(session, "grown", 4_000, 4_000);
            awaitReported(session, "grown", 4_000);
            assertThat(StatisticsRefresh.pass(session)).contains("public.grown");
            assertThat(analyses(session, "grown")).isEqualTo(2);
        }
    }

    @Test
    void aTableWhoseLockAnotherHoldsIsPassedOverWithoutWaiting() throws Exception {
        try (HikariDataSource session = CachedPlans.freshSession(data)) {
            execute(session, "CREATE TABLE grown (id int PRIMARY KEY) WITH (autovacuum_enabled = false)");
            insert(session, "grown", 1, MINIMUM);
            awaitReported(session, "grown", MINIMUM);
            try (Connection other = DriverManager.getConnection(session.getJdbcUrl(), session.getUsername(), session.getPassword());
                 Statement lock = other.createStatement()) {
                other.setAutoCommit(false);
                // The lock autovacuum takes, and every ANALYZE.
                lock.execute("LOCK TABLE grown IN SHARE UPDATE EXCLUSIVE MODE");

                assertThat(StatisticsRefresh.pass(session)).doesNotContain("public.grown");
                other.rollback();
            }
            assertThat(StatisticsRefresh.pass(session)).contains("public.grown");
        }
    }

    private static void insert(DataSource dataSource, String table, int from, int to) throws SQLException {
        execute(dataSource, "INSERT INTO " + table + " SELECT generate_series(" + from + ", " + to + ")");
    }

    /** Waits until the cumulative statistics, which backends report within a second or so, count {@code rows}. */
    private static void awaitReported(DataSource dataSource, String table, long rows) {
        await().atMost(Duration.ofSeconds(30)).until(() -> number(dataSource,
                "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = '" + table + "'") == rows);
    }

    private static long analyses(DataSource dataSource, String table) throws SQLException {
        return number(dataSource, "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = '" + table + "'");
    }

    private static long number(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
