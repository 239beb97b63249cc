package dev.recourse.store.events;

import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.EventStoreContract;
import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.sequencer.SequencerSettings;
import org.junit.jupiter.api.AfterEach;

import java.security.SecureRandom;
import java.util.List;

/** The core's contract of every event store, on a real PostgreSQL through the sequencer. */
class PostgresEventStoreTest extends EventStoreContract {
    private Database database;
    private PostgresEventStore store;

    @Override
    protected EventStore emptyStore() {
        database = TestDatabases.fresh();
        store = PostgresEventStore.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), head -> { }, new SecureRandom());
        return store;
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        database.close();
    }
}
