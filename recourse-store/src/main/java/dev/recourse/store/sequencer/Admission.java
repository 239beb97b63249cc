package dev.recourse.store.sequencer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A condition on a write group beyond its streams' versions, checked inside the sequencer's transaction after the head
 * is locked (so with every earlier transaction committed and visible) and after the groups before it in the same
 * transaction were admitted: what it writes to admit a group is seen by the checks of the groups after it.
 */
@FunctionalInterface
public interface Admission {
    /** Admits every group. */
    Admission ALL = (connection, group) -> Optional.empty();

    /**
     * Whether {@code group}, whose expected versions hold, is stored: empty if it is; else the stream whose state refuses
     * it (a stream the writer read, perhaps from a cache, and MUST read again), and the group is a conflict on that
     * stream, nothing of it stored. It MAY write through {@code connection} (in the open transaction) what the group's
     * admission counts; it MUST NOT commit, roll back or close the connection, and MUST be quick: every writer waits
     * for it.
     *
     * @throws SQLException to fail the transaction; every write in it fails and nothing is stored
     */
    Optional<String> refuses(Connection connection, WriteGroup group) throws SQLException;

    /**
     * Called once a transaction, after the head is locked and before the first group is checked: it MAY write, for all
     * of {@code groups} (the transaction's, in order) at once, what {@link #refuses} then checks for each, so that a
     * condition costs one statement a transaction instead of one a group; {@link #checked} then undoes it for the
     * groups not stored. The same rules as for {@link #refuses} hold.
     */
    default void checking(Connection connection, List<WriteGroup> groups) throws SQLException {}

    /**
     * Called once a transaction, after every group was checked and before the events are written, with each group's
     * result in the order of {@code groups}: a {@link GroupResult.Conflict} is a group not stored, whose part of what
     * {@link #checking} wrote it MUST undo. The same rules as for {@link #refuses} hold.
     */
    default void checked(Connection connection, List<WriteGroup> groups, List<GroupResult> results) throws SQLException {}
}
