package dev.recourse.store.events;

import dev.recourse.core.event.Event;
import dev.recourse.core.event.StreamId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A condition on the core's events of one append, checked inside the sequencer's transaction with every earlier
 * transaction visible (see {@link dev.recourse.store.sequencer.Admission}): an append it refuses is not stored and
 * reaches the core as a conflict, so the command is decided again on what is now stored.
 */
@FunctionalInterface
public interface EventAdmission {
    /**
     * Whether the append of {@code events} (in order) is stored: empty if it is; else the stream whose state refuses it,
     * which the core reads again before it decides again. It MAY write through {@code connection} what it counts; it
     * MUST NOT commit, roll back or close it.
     *
     * @throws SQLException to fail the transaction
     */
    Optional<StreamId> refuses(Connection connection, List<Event> events) throws SQLException;
}
