package dev.recourse.store.events;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.EventStore.Appended;
import dev.recourse.core.port.EventStore.StreamAppend;
import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.idempotency.IdempotentWrite;
import dev.recourse.store.idempotency.KeptAnswer;
import dev.recourse.store.sequencer.SequencerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes that claim their Idempotency-Key with their events: the claim and the answer are stored in the events'
 * transaction, and a write whose key is held is refused there, nothing of it stored.
 */
class KeyClaimedWithEventsTest {
    private static final UUID CALLER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final Instant STARTED = Instant.parse("2026-12-02T12:00:00Z");

    private Database database;
    private PostgresEventStore store;
    /** Holds the first transaction open while {@link #holding} is set, so that the next writes queue into one. */
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile boolean holding;

    @BeforeEach
    void start() {
        database = TestDatabases.fresh();
        EventProjection gate = (connection, events) -> {
            if (holding && entered.getCount() > 0) {
                entered.countDown();
                try {
                    open.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        store = PostgresEventStore.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(gate), head -> { },
                new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        database.close();
    }

    private static StreamId stream(String notifier) {
        return StreamId.of(new NotifierId(notifier));
    }

    /** A first event of the stream of {@code notifier}. */
    private static List<StreamAppend> warning(String notifier) {
        Event event = new NotifierEvent.NotifierWarned(new NotifierId(notifier), "warning", STARTED);
        return List.of(new StreamAppend(stream(notifier), 0, List.of(event)));
    }

    private static IdempotentWrite write(String key, String body) {
        byte[] hash = sha256(body);
        return new IdempotentWrite(CALLER, key, OptionalInt.empty(), new IdempotentWrite.KeyClaim.WithEvents(hash, STARTED),
                events -> new KeptAnswer(201, "application/json",
                        ("{\"position\":" + events.getFirst().position() + "}").getBytes(StandardCharsets.UTF_8), "{}"));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Appended> warnClaiming(String key, String notifier) {
        return store.claimingWithEvents(write(key, "{}"), () -> store.append(warning(notifier)));
    }

    private long events() throws SQLException {
        return count("SELECT count(*) FROM event");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The answer kept under {@code key}, if one is. */
    private Optional<String> kept(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status, body FROM idempotent_request WHERE api_key = ? AND key = ?")) {
            s.setObject(1, CALLER);
            s.setString(2, key);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1) + " " + new String(rows.getBytes(2), StandardCharsets.UTF_8))
                        : Optional.empty();
            }
        }
    }

    @Test
    void aWriteClaimingItsKeyWithItsEventsStoresTheClaimWithItsAnswer() throws Exception {
        Optional<Appended> appended = warnClaiming("k-1", "n-1");

        assertThat(appended).get().isInstanceOf(Appended.Stored.class);
        long position = ((Appended.Stored) appended.orElseThrow()).events().getFirst().position();
        assertThat(kept("k-1")).contains("201 {\"position\":" + position + "}");
        assertThat(count("SELECT count(*) FROM idempotent_request WHERE request_hash = sha256('{}') AND started_at = '"
                + STARTED + "'")).isEqualTo(1);
    }

    @Test
    void aWriteWhoseKeyIsHeldIsRefusedWithoutStoringAnything() throws Exception {
        warnClaiming("k-2", "n-2a");
        long before = events();

        Optional<Appended> again = warnClaiming("k-2", "n-2b");

        assertThat(again).isEmpty();
        assertThat(events()).isEqualTo(before);
        assertThat(store.read(stream("n-2b"))).isEmpty();
    }

    @Test
    void aWriteNotStoredForAConflictLeavesItsKeyUnclaimedForItsRetry() throws Exception {
        store.append(warning("n-3"));

        Optional<Appended> conflict = warnClaiming("k-3", "n-3");

        assertThat(conflict).get().isInstanceOf(Appended.Conflict.class);
        assertThat(kept("k-3")).isEmpty();
        assertThat(warnClaiming("k-3", "n-3b")).get().isInstanceOf(Appended.Stored.class);
    }

    @Test
    void ofConcurrentWritesWithOneKeyExactlyOneIsStored() throws Exception {
        List<Future<Optional<Appended>>> racing = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String notifier = "n-4-" + i;
                racing.add(threads.submit(() -> warnClaiming("k-4", notifier)));
            }
        }
        long stored = 0;
        for (Future<Optional<Appended>> result : racing) {
            if (result.get().isPresent()) {
                assertThat(result.get().get()).isInstanceOf(Appended.Stored.class);
                stored++;
            }
        }
        assertThat(stored).isEqualTo(1);
        assertThat(events()).isEqualTo(1);
        assertThat(kept("k-4")).get().asString().startsWith("201 ");
    }

    @Test
    void duplicatesInOneTransactionStoreOneAndTheTransactionsOtherWrites() throws Exception {
        holding = true;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<Appended>> holder = threads.submit(() -> warnClaiming("k-5-holder", "n-5-holder"));
            entered.await(30, TimeUnit.SECONDS);
            List<Future<Optional<Appended>>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String notifier = "n-5-" + i;
                queued.add(threads.submit(() -> warnClaiming("k-5", notifier)));
            }
            queued.add(threads.submit(() -> warnClaiming("k-5-other", "n-5-other")));
            await().until(() -> store.sequencer().queued() == queued.size());
            open.countDown();

            assertThat(holder.get()).isPresent();
            long stored = 0;
            for (Future<Optional<Appended>> result : queued.subList(0, 5)) {
                stored += result.get().isPresent() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(queued.getLast().get()).get().isInstanceOf(Appended.Stored.class);
        }
        assertThat(events()).isEqualTo(3);
        assertThat(store.sequencer().transactions()).isEqualTo(2);
    }
}
