package dev.recourse.store.events;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.EventStore.Appended;
import dev.recourse.core.port.EventStore.StreamAppend;
import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.sequencer.SequencerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Appends racing for one stream, from one process and from two. */
class PostgresEventStoreConcurrencyTest {
    private static final StreamId STREAM = StreamId.of(new NotifierId("u-1"));

    private Database database;
    private final List<PostgresEventStore> stores = new ArrayList<>();

    @BeforeEach
    void database() {
        database = TestDatabases.fresh();
    }

    @AfterEach
    void close() throws Exception {
        for (PostgresEventStore store : stores) {
            store.close();
        }
        database.close();
    }

    private PostgresEventStore store() {
        PostgresEventStore store = PostgresEventStore.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), head -> { },
                new SecureRandom());
        stores.add(store);
        return store;
    }

    private static List<StreamAppend> append(long expected, int n) {
        Event event = new NotifierEvent.NotifierWarned(new NotifierId("u-1"), "warning " + n, Instant.ofEpochSecond(n));
        return List.of(new StreamAppend(STREAM, expected, List.of(event)));
    }

    @Test
    void ofAppendsExpectingTheSameVersionExactlyOneIsStored() throws Exception {
        PostgresEventStore store = store();
        List<Future<Appended>> racing = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                racing.add(threads.submit(() -> store.append(append(0, n))));
            }
        }
        long stored = 0;
        for (Future<Appended> result : racing) {
            if (result.get() instanceof Appended.Stored) {
                stored++;
            } else {
                assertThat(result.get()).isEqualTo(new Appended.Conflict(STREAM, 0, 1));
            }
        }
        assertThat(stored).isEqualTo(1);
        assertThat(store.read(STREAM)).hasSize(1);
        assertThat(store().read(STREAM)).isEqualTo(store.read(STREAM));
    }

    @Test
    void aStreamAnotherProcessExtendedConflictsOnceAndIsThenReadAfresh() {
        PostgresEventStore here = store();
        PostgresEventStore elsewhere = store();
        here.append(append(0, 1));
        elsewhere.append(append(1, 2));

        Appended stale = here.append(append(here.read(STREAM).size(), 3));

        assertThat(stale).isEqualTo(new Appended.Conflict(STREAM, 1, 2));
        assertThat(here.read(STREAM)).hasSize(2);
        assertThat(here.append(append(2, 3))).isInstanceOf(Appended.Stored.class);
    }
}
