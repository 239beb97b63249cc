package dev.recourse.store.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.recourse.store.database.CachedPlans;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream reads behind every command read a batch of streams through the stream index, whatever PostgreSQL's
 * statistics of the event table say: none yet (a table growing from empty before its first ANALYZE, as in the first
 * minute of a new service or of {@code bench decisions}), or those of a few streams analysed while it was small. A
 * plain lookup of the same streams reads the whole table in both cases; that is what the first test shows, so that
 * the detector here is known to see it.
 */
class StreamReadPlanTest {
    private static final String PLAIN = "SELECT stream_id, position, stream_version, private_record, payload FROM event"
            + " WHERE stream_id = ANY(?) ORDER BY stream_id, stream_version";
    private static final int STREAMS = 30_000;
    private static final int BATCH = 110;

    @TempDir
    Path data;
    private HikariDataSource session;

    @BeforeEach
    void open() throws Exception {
        session = CachedPlans.freshSession(data);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aPlainLookupOfManyStreamsReadsTheWholeTableBeforeAnyAnalyze() throws SQLException {
        events(1, STREAMS);

        assertThat(sequentialScans(PLAIN)).isPositive();
    }

    @Test
    void theStreamReadUsesTheIndexBeforeAnyAnalyze() throws SQLException {
        events(1, STREAMS);

        assertThat(sequentialScans(StreamReads.READ)).isZero();
    }

    @Test
    void theStreamReadUsesTheIndexWithStatisticsOfTheFirstFewStreams() throws SQLException {
        events(1, 3);
        CachedPlans.analyze(session);
        events(4, STREAMS);

        assertThat(sequentialScans(StreamReads.READ)).isZero();
    }

    /** Three events each in streams {@code first} to {@code last}, without an ANALYZE. */
    private void events(int first, int last) throws SQLException {
        try (Connection c = session.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO event (position, stream_id, stream_version, type, occurred_at, payload, public_entry)"
                    + " SELECT 3 * g + v, 'CASE/grown-' || g, v + 1, 'NoticeReceived', now(), '\\x00', '\\x00'"
                    + " FROM generate_series(" + first + ", " + last + ") g, generate_series(0, 2) v");
        }
    }

    /**
     * How many sequential scans of the event table {@code sql} made, reading {@value #BATCH} streams spread over the
     * table, counted in its own transaction (PostgreSQL's counters of the current transaction).
     */
    private long sequentialScans(String sql) throws SQLException {
        try (Connection c = session.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement read = c.prepareStatement(sql)) {
                    read.setArray(1, c.createArrayOf("text", IntStream.range(0, BATCH)
                            .mapToObj(i -> "CASE/grown-" + (1 + i * (STREAMS / BATCH))).toArray(String[]::new)));
                    int rows = 0;
                    try (ResultSet found = read.executeQuery()) {
                        while (found.next()) {
                            rows++;
                        }
                    }
                    assertThat(rows).isEqualTo(3 * BATCH);
                }
                try (Statement s = c.createStatement();
                        ResultSet scans = s.executeQuery("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'event'")) {
                    scans.next();
                    return scans.getLong(1);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
