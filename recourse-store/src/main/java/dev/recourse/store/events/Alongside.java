package dev.recourse.store.events;

import dev.recourse.core.event.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows a caller keeps beside the events it appends, written in the events' own transaction (see
 * {@link PostgresEventStore#alongside}): stored exactly when the events are.
 */
@FunctionalInterface
public interface Alongside {
    /**
     * Writes the rows that go with {@code events}, one append's events as the core gave them, through
     * {@code connection}, in the open transaction that stores them. It MUST NOT commit, roll back or close the
     * connection, and SHOULD NOT fail on rows written before (a failure fails every write of the transaction).
     *
     * @throws SQLException to fail the transaction: neither the events nor the rows are stored
     */
    void write(Connection connection, List<RecordedEvent> events) throws SQLException;
}
