package dev.recourse.store.sequencer;

import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SequencerTest {
    private Database database;
    private final List<Sequencer> started = new ArrayList<>();
    private final AtomicLong committedUpTo = new AtomicLong(-1);

    @BeforeEach
    void database() {
        database = TestDatabases.fresh();
    }

    @AfterEach
    void close() throws Exception {
        for (Sequencer sequencer : started) {
            sequencer.close();
        }
        database.close();
    }

    private Sequencer sequencer(SequencerSettings settings, Projection... projections) {
        Sequencer sequencer = Sequencer.start(database.dataSource(), settings, List.of(projections), committedUpTo::set);
        started.add(sequencer);
        return sequencer;
    }

    @Test
    void aGroupItsAdmissionRefusesIsAConflictOnTheNamedStreamAndWhatAdmissionsWriteCounts() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE admitted (stream text NOT NULL)");
        }
        // Admits two groups in all, counting them in the transaction.
        Admission two = (connection, group) -> {
            try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM admitted")) {
                rows.next();
                if (rows.getLong(1) >= 2) {
                    return Optional.of("limit/of-two");
                }
            }
            try (var insert = connection.prepareStatement("INSERT INTO admitted (stream) VALUES (?)")) {
                insert.setString(1, group.writes().getFirst().streamId());
                insert.executeUpdate();
            }
            return Optional.empty();
        };
        Sequencer sequencer = Sequencer.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), two, committedUpTo::set);
        started.add(sequencer);
        List<CompletableFuture<WriteResult>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(sequencer.submit(TestEvents.write("s-" + i, ExpectedVersion.NO_STREAM, 1)));
        }

        assertThat(results.stream().map(CompletableFuture::join).filter(WriteResult.Committed.class::isInstance)).hasSize(2);
        assertThat(results.stream().map(CompletableFuture::join).filter(WriteResult.Conflict.class::isInstance))
                .singleElement().isEqualTo(new WriteResult.Conflict("limit/of-two", ExpectedVersion.ANY, WriteResult.Conflict.UNKNOWN));
        assertThat(query("SELECT count(*) FROM event")).containsExactly(2L);
    }

    @Test
    void concurrentWritesGetGaplessConsecutivePositions() throws Exception {
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT);
        int threads = 6;
        int writesPerThread = 150;
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        List<Future<List<WriteResult>>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            outcomes.add(writers.submit(() -> {
                List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
                for (int i = 0; i < writesPerThread; i++) {
                    futures.add(sequencer.submit(TestEvents.write("s-" + thread + "-" + i % 10, ExpectedVersion.ANY, 3)));
                }
                return futures.stream().map(CompletableFuture::join).toList();
            }));
        }
        List<Long> positions = new ArrayList<>();
        for (Future<List<WriteResult>> outcome : outcomes) {
            for (WriteResult result : outcome.get()) {
                assertThat(result).isInstanceOf(WriteResult.Committed.class);
                PositionRange range = ((WriteResult.Committed) result).positions();
                assertThat(range.count()).isEqualTo(3);
                LongStream.rangeClosed(range.first(), range.last()).forEach(positions::add);
            }
        }
        writers.shutdown();
        long total = 3L * threads * writesPerThread;
        assertThat(positions).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(positions).containsExactlyInAnyOrderElementsOf(LongStream.range(0, total).boxed().toList());
        assertThat(query("SELECT count(*), min(position), max(position) FROM event")).containsExactly(total, 0L, total - 1);
        assertThat(query("SELECT next_position FROM event_head")).containsExactly(total);
        assertThat(committedUpTo.get()).isEqualTo(total);
        assertThat(sequencer.committedEvents()).isEqualTo(total);
    }

    @Test
    void streamVersionsCountTheStreamsEvents() throws Exception {
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT);
        WriteResult first = sequencer.submit(TestEvents.write("case-1", ExpectedVersion.NO_STREAM, 2)).join();
        WriteResult second = sequencer.submit(TestEvents.write("case-1", ExpectedVersion.exactly(2), 3)).join();
        assertThat(first).isEqualTo(new WriteResult.Committed("case-1", new PositionRange(0, 2), 2));
        assertThat(second).isEqualTo(new WriteResult.Committed("case-1", new PositionRange(2, 3), 5));
        assertThat(query("SELECT stream_version FROM event ORDER BY position")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void eventsAreStoredAsWritten() throws Exception {
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT);
        NewEvent withRecord = TestEvents.event("decided");
        NewEvent without = new NewEvent("notified", Instant.parse("2026-05-06T07:08:09.123456Z"),
                "{}".getBytes(StandardCharsets.UTF_8), "{\"public\":1}".getBytes(StandardCharsets.UTF_8), Optional.empty());
        sequencer.submit(new Write("case-ü", ExpectedVersion.NO_STREAM, List.of(withRecord, without))).join();

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stream_id, stream_version, type, occurred_at, payload, public_entry,"
                     + " private_record, salt FROM event ORDER BY position")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("case-ü");
            assertThat(rs.getObject(4, OffsetDateTime.class).toInstant()).isEqualTo(withRecord.occurredAt());
            assertThat(rs.getBytes(5)).isEqualTo(withRecord.payload());
            assertThat(rs.getBytes(6)).isEqualTo(withRecord.publicEntry());
            assertThat(rs.getBytes(7)).isEqualTo(withRecord.privateRecord().orElseThrow().content());
            assertThat(rs.getBytes(8)).isEqualTo(withRecord.privateRecord().orElseThrow().salt());
            rs.next();
            assertThat(rs.getLong(2)).isEqualTo(2);
            assertThat(rs.getString(3)).isEqualTo("notified");
            assertThat(rs.getObject(4, OffsetDateTime.class).toInstant()).isEqualTo(without.occurredAt());
            assertThat(rs.getBytes(6)).isEqualTo(without.publicEntry());
            assertThat(rs.getBytes(7)).isNull();
            assertThat(rs.getBytes(8)).isNull();
        }
    }

    @Test
    void aVersionConflictRejectsOnlyTheConflictingWriteOfItsTransaction() throws Exception {
        Gate gate = new Gate();
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT, gate);
        CompletableFuture<WriteResult> held = sequencer.submit(TestEvents.write("a", ExpectedVersion.NO_STREAM, 1));
        gate.awaitHeld();
        CompletableFuture<WriteResult> fits = sequencer.submit(TestEvents.write("a", ExpectedVersion.exactly(1), 1));
        CompletableFuture<WriteResult> stale = sequencer.submit(TestEvents.write("a", ExpectedVersion.exactly(1), 1));
        CompletableFuture<WriteResult> other = sequencer.submit(TestEvents.write("b", ExpectedVersion.NO_STREAM, 2));
        gate.open();

        assertThat(held.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(fits.join()).isEqualTo(new WriteResult.Committed("a", new PositionRange(1, 1), 2));
        assertThat(stale.join()).isEqualTo(new WriteResult.Conflict("a", ExpectedVersion.exactly(1), 2));
        assertThat(other.join()).isEqualTo(new WriteResult.Committed("b", new PositionRange(2, 2), 2));
        assertThat(sequencer.transactions()).isEqualTo(2);
        assertThat(sequencer.conflicts()).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM event")).containsExactly(4L);
    }

    @Test
    void aGroupWithOneConflictStoresNoneOfItsWritesWhileTheOthersOfItsTransactionCommit() throws Exception {
        Gate gate = new Gate();
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT, gate);
        CompletableFuture<WriteResult> held = sequencer.submit(TestEvents.write("a", ExpectedVersion.NO_STREAM, 1));
        gate.awaitHeld();
        CompletableFuture<GroupResult> stale = sequencer.submit(new WriteGroup(List.of(
                TestEvents.write("b", ExpectedVersion.NO_STREAM, 1), TestEvents.write("a", ExpectedVersion.NO_STREAM, 1))));
        CompletableFuture<GroupResult> fits = sequencer.submit(new WriteGroup(List.of(
                TestEvents.write("c", ExpectedVersion.NO_STREAM, 2), TestEvents.write("a", ExpectedVersion.exactly(1), 1))));
        gate.open();

        assertThat(held.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(stale.join()).isEqualTo(new GroupResult.Conflict(new WriteResult.Conflict("a", ExpectedVersion.NO_STREAM, 1)));
        assertThat(fits.join()).isEqualTo(new GroupResult.Committed(List.of(
                new WriteResult.Committed("c", new PositionRange(1, 2), 2), new WriteResult.Committed("a", new PositionRange(3, 1), 2))));
        assertThat(query("SELECT count(*) FROM event WHERE stream_id = 'b'")).containsExactly(0L);
        assertThat(query("SELECT count(*) FROM event")).containsExactly(4L);
        assertThat(sequencer.conflicts()).isEqualTo(1);
    }

    @Test
    void aGroupWritesEachStreamOnce() {
        assertThatThrownBy(() -> new WriteGroup(List.of(TestEvents.write("a", ExpectedVersion.ANY, 1),
                TestEvents.write("a", ExpectedVersion.ANY, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteGroup(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingProjectionRollsBackItsWholeTransactionAndAcknowledgesNone() throws Exception {
        Gate gate = new Gate();
        Projection refusesPoison = (connection, events) -> {
            if (events.stream().anyMatch(e -> e.event().type().equals("poison"))) {
                throw new SQLException("the projection refuses poison");
            }
        };
        Projection countsEvents = (connection, events) -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS seen (position bigint PRIMARY KEY)");
                for (RecordedEvent e : events) {
                    s.execute("INSERT INTO seen VALUES (" + e.position() + ")");
                }
            }
        };
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT, gate, countsEvents, refusesPoison);
        CompletableFuture<WriteResult> held = sequencer.submit(TestEvents.write("a", ExpectedVersion.ANY, 2));
        gate.awaitHeld();
        CompletableFuture<WriteResult> good = sequencer.submit(TestEvents.write("b", ExpectedVersion.ANY, 1));
        CompletableFuture<WriteResult> poison = sequencer.submit(
                new Write("c", ExpectedVersion.ANY, List.of(TestEvents.event("poison"))));
        CompletableFuture<WriteResult> alsoGood = sequencer.submit(TestEvents.write("d", ExpectedVersion.ANY, 1));
        gate.open();

        assertThat(held.join()).isInstanceOf(WriteResult.Committed.class);
        for (CompletableFuture<WriteResult> failed : List.of(good, poison, alsoGood)) {
            assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class)
                    .hasRootCauseMessage("the projection refuses poison");
        }
        assertThat(sequencer.failedTransactions()).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM event")).containsExactly(2L);
        assertThat(query("SELECT count(*) FROM seen")).containsExactly(2L);
        assertThat(query("SELECT next_position FROM event_head")).containsExactly(2L);

        WriteResult after = sequencer.submit(TestEvents.write("b", ExpectedVersion.NO_STREAM, 1)).join();
        assertThat(after).isEqualTo(new WriteResult.Committed("b", new PositionRange(2, 1), 1));
        assertThat(query("SELECT position FROM event ORDER BY position")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFullQueueMakesWritersWait() throws Exception {
        Gate gate = new Gate();
        Sequencer sequencer = sequencer(new SequencerSettings(1, 10), gate);
        CompletableFuture<WriteResult> held = sequencer.submit(TestEvents.write("a", ExpectedVersion.ANY, 1));
        gate.awaitHeld();
        CompletableFuture<WriteResult> queued = sequencer.submit(TestEvents.write("b", ExpectedVersion.ANY, 1));
        CompletableFuture<CompletableFuture<WriteResult>> waiting = new CompletableFuture<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                waiting.complete(sequencer.submit(TestEvents.write("c", ExpectedVersion.ANY, 1)));
            } catch (InterruptedException e) {
                waiting.completeExceptionally(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(waiting).isNotDone();
        gate.open();

        assertThat(held.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(queued.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(waiting.join().join()).isInstanceOf(WriteResult.Committed.class);
    }

    @Test
    void closingCompletesTheQueuedWritesAndRefusesNewOnes() throws Exception {
        Gate gate = new Gate();
        Sequencer sequencer = sequencer(SequencerSettings.DEFAULT, gate);
        CompletableFuture<WriteResult> held = sequencer.submit(TestEvents.write("a", ExpectedVersion.ANY, 1));
        gate.awaitHeld();
        CompletableFuture<WriteResult> queued = sequencer.submit(TestEvents.write("b", ExpectedVersion.ANY, 1));
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                sequencer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> sequencer.submit(TestEvents.write("c", ExpectedVersion.ANY, 1)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
        gate.open();
        closer.join();

        assertThat(held.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(queued.join()).isInstanceOf(WriteResult.Committed.class);
        assertThat(query("SELECT count(*) FROM event")).containsExactly(2L);
    }

    private List<Long> query(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getLong(i));
                }
            }
            return values;
        }
    }
}
