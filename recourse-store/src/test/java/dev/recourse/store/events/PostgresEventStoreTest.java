package dev.recourse.store.events;

import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.EventStoreContract;
import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.store.sequencer.SequencerSettings;
import org.junit.jupiter.api.AfterEach;

import java.security.SecureRandom;
import java.util.List;

/** The core's contract of every event store, on a real PostgreSQL through the sequencer. */
class PostgresEventStoreTest extends EventStoreContract {
    private Database database;
    private Sequencer sequencer;

    @Override
    protected EventStore emptyStore() {
        database = TestDatabases.fresh();
        sequencer = Sequencer.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(), head -> { });
        return new PostgresEventStore(database.dataSource(), sequencer, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        sequencer.close();
        database.close();
    }
}
