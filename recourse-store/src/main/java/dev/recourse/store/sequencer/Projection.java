package dev.recourse.store.sequencer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps a read model up to date inside the sequencer's transaction: it sees every batch of
 * events before it commits, and a failure rolls the whole batch back.
 */
@FunctionalInterface
public interface Projection {
    /**
     * Applies {@code events} (in position order) through {@code connection}, which is in the
     * batch's open transaction. It MUST NOT commit, roll back or close the connection, and MUST
     * be quick: every writer waits for it.
     *
     * @throws SQLException to fail the batch; every write in it fails and nothing is stored
     */
    void apply(Connection connection, List<RecordedEvent> events) throws SQLException;
}
