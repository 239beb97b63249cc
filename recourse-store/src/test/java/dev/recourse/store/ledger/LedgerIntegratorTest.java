package dev.recourse.store.ledger;

import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.sequencer.ExpectedVersion;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.store.sequencer.SequencerSettings;
import dev.recourse.store.sequencer.TestEvents;
import dev.recourse.store.sequencer.WriteResult;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.VerifierKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LedgerIntegratorTest {
    private static final String ORIGIN = "test.recourse.dev/log";
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-02-01T00:00:00Z"));

    @TempDir
    Path data;
    private Database database;
    private Sequencer sequencer;
    private final List<LedgerIntegrator> integrators = new ArrayList<>();
    private LedgerIntegrator current;

    @BeforeEach
    void start() {
        database = TestDatabases.fresh();
        sequencer = Sequencer.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), head -> {
            LedgerIntegrator integrator = current;
            if (integrator != null) {
                integrator.committed(head);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        sequencer.close();
        for (LedgerIntegrator integrator : integrators) {
            integrator.close();
        }
        database.close();
    }

    private LedgerIntegrator integrator(Database on) throws Exception {
        LedgerIntegrator integrator = LedgerIntegrator.start(on.dataSource(), LedgerSettings.under(data, ORIGIN), CLOCK,
                new SecureRandom());
        integrators.add(integrator);
        current = integrator;
        return integrator;
    }

    /** Writes {@code writes} writes of 3 events each; returns the last position. */
    private long write(int writes) throws Exception {
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            futures.add(sequencer.submit(TestEvents.write("case-" + i % 7, ExpectedVersion.ANY, 3)));
        }
        long last = -1;
        for (CompletableFuture<WriteResult> future : futures) {
            last = Math.max(last, ((WriteResult.Committed) future.join()).positions().last());
        }
        return last;
    }

    private Checkpoint covered(LedgerIntegrator integrator, long position) throws Exception {
        return integrator.awaitCovered(position).get(30, TimeUnit.SECONDS);
    }

    @Test
    void appendsCommittedEventsAndCompletesWhenCovered() throws Exception {
        LedgerIntegrator integrator = integrator(database);
        long last = write(200);

        Checkpoint checkpoint = covered(integrator, last);

        assertThat(checkpoint.size().value()).isEqualTo(last + 1);
        assertThat(checkpoint.origin()).isEqualTo(ORIGIN);
        assertThat(integrator.progress().state()).isEqualTo(LedgerProgress.State.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> integrator.progress().lag() == 0);
        assertThat(integrator.progress().lastCheckpointAt()).contains(CLOCK.instant());
        assertLogMatchesDatabase(integrator, last + 1);
    }

    @Test
    void proofsProveTheEntryInTheSignedCheckpoint() throws Exception {
        LedgerIntegrator integrator = integrator(database);
        long last = write(100);
        covered(integrator, last);

        for (long position : List.of(0L, 1L, 255L, 256L, last)) {
            ReceiptMaterial receipt = integrator.proof(position).orElseThrow();
            assertThat(receipt.entry()).isEqualTo(publicEntry(position));
            assertThat(receipt.proof().index()).isEqualTo(position);
            assertThat(receipt.proof().verify(Merkle.leafHash(receipt.entry()), receipt.checkpoint().root()))
                    .isEqualTo(Verdict.HOLDS);
            assertThat(Checkpoints.open(receipt.checkpointNote(), verifier(integrator), Optional.empty()))
                    .isInstanceOf(CheckpointResult.Valid.class);
        }
        assertThat(integrator.proof(last + 1)).isEmpty();
    }

    /** Logs {@code writes} writes with an integrator that then stops; returns the last position. */
    private long loggedThenStopped(int writes) throws Exception {
        LedgerIntegrator integrator = integrator(database);
        long last = write(writes);
        covered(integrator, last);
        integrator.close();
        return last;
    }

    private byte[] publishedCheckpoint() throws IOException {
        return Files.readAllBytes(data.resolve("log").resolve("checkpoint"));
    }

    @Test
    void aRestartedIntegratorCatchesUpWithoutDuplicatingAnEntry() throws Exception {
        loggedThenStopped(40);
        String key = integrators.getFirst().verifierKey();
        long last = write(150);

        LedgerIntegrator second = integrator(database);
        Checkpoint checkpoint = covered(second, last);

        assertThat(checkpoint.size().value()).isEqualTo(last + 1);
        assertThat(second.verifierKey()).isEqualTo(key);
        assertLogMatchesDatabase(second, last + 1);
    }

    @Test
    void aLogAheadOfTheDatabaseIsRefusedAndNothingIsSigned() throws Exception {
        loggedThenStopped(10);
        byte[] checkpoint = publishedCheckpoint();

        try (Database older = TestDatabases.fresh()) {
            LedgerIntegrator second = integrator(older);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.progress().state() == LedgerProgress.State.FAILED);
            assertThat(second.progress().problem()).hasValueSatisfying(p -> assertThat(p).contains("ahead of the database"));
            assertThatThrownBy(() -> second.awaitCovered(100).join()).hasMessageContaining("FAILED");
            second.close();
        }
        assertThat(publishedCheckpoint()).isEqualTo(checkpoint);
    }

    @Test
    void aLogWhoseEntriesDifferFromTheDatabaseIsRefusedAndNothingIsSigned() throws Exception {
        long last = loggedThenStopped(10);
        byte[] checkpoint = publishedCheckpoint();
        execute("ALTER TABLE event DISABLE TRIGGER event_append_only;"
                + " UPDATE event SET public_entry = convert_to('{\"forged\":true}', 'UTF8') WHERE position = " + last + ";"
                + " ALTER TABLE event ENABLE TRIGGER event_append_only");
        write(5);

        LedgerIntegrator second = integrator(database);

        await().atMost(Duration.ofSeconds(30)).until(() -> second.progress().state() == LedgerProgress.State.FAILED);
        assertThat(second.progress().problem()).hasValueSatisfying(p -> assertThat(p).contains("entry " + last).contains("differs"));
        assertThat(publishedCheckpoint()).isEqualTo(checkpoint);
    }

    @Test
    void aSecondIntegratorWaitsForTheLockAndTakesOver() throws Exception {
        LedgerIntegrator first = integrator(database);
        covered(first, write(10));
        LedgerIntegrator second = integrator(database);
        long last = write(10);
        covered(first, last);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.checkpoint().map(c -> c.size().value()).orElse(0L) == last + 1);
        assertThat(second.progress().state()).isEqualTo(LedgerProgress.State.WAITING_FOR_LOCK);

        first.close();
        long more = write(10);

        assertThat(covered(second, more).size().value()).isEqualTo(more + 1);
        assertThat(second.progress().state()).isEqualTo(LedgerProgress.State.RUNNING);
        assertLogMatchesDatabase(second, more + 1);
    }

    @Test
    void theKeyFileIsCreatedPrivateAndReused() throws Exception {
        LedgerIntegrator first = integrator(database);
        Path keyFile = data.resolve("log-signer.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(keyFile)).startsWith("PRIVATE+KEY+" + ORIGIN + "+");
        first.close();
        assertThat(integrator(database).verifierKey()).isEqualTo(first.verifierKey());
    }

    @Test
    void aKeyOfAnotherLogOrReadableByOthersIsRefused() throws Exception {
        integrator(database).close();
        Path keyFile = data.resolve("log-signer.key");
        assertThatThrownBy(() -> LedgerIntegrator.start(database.dataSource(), LedgerSettings.under(data, "other.example/log"),
                CLOCK, new SecureRandom())).hasMessageContaining("holds the key of log " + ORIGIN);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> LedgerIntegrator.start(database.dataSource(), LedgerSettings.under(data, ORIGIN),
                CLOCK, new SecureRandom())).hasMessageContaining("chmod 600");
    }

    private void assertLogMatchesDatabase(LedgerIntegrator integrator, long size) throws Exception {
        Audits.assertAuditHolds(data.resolve("log"), integrator.verifierKey(), size);
        for (long position = 0; position < size; position++) {
            assertThat(integrator.proof(position).orElseThrow().entry()).as("entry %d", position)
                    .isEqualTo(publicEntry(position));
        }
        assertThat(count("SELECT count(*) FROM event")).isEqualTo(size);
    }

    private static NoteVerifier verifier(LedgerIntegrator integrator) {
        return VerifierKeys.parse(integrator.verifierKey()).orElseThrow();
    }

    private byte[] publicEntry(long position) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT public_entry FROM event WHERE position = " + position)) {
            assertThat(rs.next()).as("event %d exists", position).isTrue();
            return rs.getBytes(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
