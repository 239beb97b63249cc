package dev.recourse.store.events;

import dev.recourse.core.event.RecordedEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A read model of the core's events, kept up to date inside the sequencer's transaction: it sees
 * every committed batch of events, as the core's records, before the batch commits; if it fails,
 * the whole batch fails and nothing is stored.
 */
@FunctionalInterface
public interface EventProjection {
    /**
     * Applies {@code events} (in position order) through {@code connection}, which is in the
     * batch's open transaction. It MUST NOT commit, roll back or close the connection, and MUST be
     * quick: every writer waits for it.
     *
     * @throws SQLException to fail the batch
     */
    void apply(Connection connection, List<RecordedEvent> events) throws SQLException;
}
