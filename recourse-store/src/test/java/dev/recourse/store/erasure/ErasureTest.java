package dev.recourse.store.erasure;

import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.ledger.Audits;
import dev.recourse.store.ledger.LedgerIntegrator;
import dev.recourse.store.ledger.LedgerSettings;
import dev.recourse.store.sequencer.ExpectedVersion;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.store.sequencer.SequencerSettings;
import dev.recourse.store.sequencer.TestEvents;
import dev.recourse.store.sequencer.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErasureTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    @TempDir
    Path data;
    private Database database;
    private Sequencer sequencer;
    private LedgerIntegrator integrator;
    private Erasure erasure;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.fresh();
        integrator = LedgerIntegrator.start(database.dataSource(), LedgerSettings.under(data, "test.recourse.dev/erasure"),
                CLOCK, new SecureRandom());
        sequencer = Sequencer.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), integrator::committed);
        erasure = new Erasure(database.dataSource(), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        sequencer.close();
        integrator.close();
        database.close();
    }

    private long write(String stream, int events) throws Exception {
        WriteResult.Committed committed = (WriteResult.Committed) sequencer.submit(
                TestEvents.write(stream, ExpectedVersion.ANY, events)).join();
        return committed.positions().last();
    }

    @Test
    void erasingAPersonsRecordsKeepsTheLogAuditingClean() throws Exception {
        write("case-kept", 3);
        long last = write("case-erased", 4);
        integrator.awaitCovered(last).get(30, TimeUnit.SECONDS);
        List<byte[]> entriesBefore = column("public_entry");

        List<Long> erased = erasure.eraseStream("case-erased");

        assertThat(erased).containsExactly(3L, 4L, 5L, 6L);
        assertThat(count("SELECT count(*) FROM event WHERE private_record IS NULL AND salt IS NULL"
                + " AND erased_at = '2026-03-01T12:00:00Z'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM event WHERE private_record IS NOT NULL AND salt IS NOT NULL")).isEqualTo(3);
        assertThat(column("public_entry")).containsExactlyElementsOf(entriesBefore);
        Audits.assertAuditHolds(data.resolve("log"), integrator.verifierKey(), 7);
        assertThat(integrator.proof(5).orElseThrow().entry()).isEqualTo(entriesBefore.get(5));

        long more = write("case-later", 2);
        integrator.awaitCovered(more).get(30, TimeUnit.SECONDS);
        Audits.assertAuditHolds(data.resolve("log"), integrator.verifierKey(), 9);
    }

    @Test
    void erasingTwiceErasesNothingMore() throws Exception {
        write("case", 2);
        assertThat(erasure.eraseStream("case")).containsExactly(0L, 1L);
        assertThat(erasure.eraseStream("case")).isEmpty();
    }

    @Test
    void erasingByPositionLeavesTheOtherEvents() throws Exception {
        write("case", 5);
        assertThat(erasure.erasePositions(List.of(1L, 3L, 99L))).containsExactly(1L, 3L);
        assertThat(count("SELECT count(*) FROM event WHERE private_record IS NULL")).isEqualTo(2);
    }

    @Test
    void aNegativePositionIsRefused() {
        assertThatThrownBy(() -> erasure.erasePositions(List.of(-1L))).isInstanceOf(IllegalArgumentException.class);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<byte[]> column(String column) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM event ORDER BY position")) {
            List<byte[]> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getBytes(1));
            }
            return values;
        }
    }
}
