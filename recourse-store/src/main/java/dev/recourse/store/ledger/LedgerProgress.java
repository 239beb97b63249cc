package dev.recourse.store.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of the integrator's progress.
 *
 * @param state what it is doing
 * @param logSize entries in the log's published checkpoint
 * @param databaseHead events committed in the database, when last looked at
 * @param entriesAppended entries this integrator appended since it started
 * @param checkpointsPublished checkpoints this integrator signed since it started
 * @param lastCheckpointAt when it last published one
 * @param problem the last error it met: the reason it failed, or a transient error it retries after
 */
public record LedgerProgress(State state, long logSize, long databaseHead, long entriesAppended,
                             long checkpointsPublished, Optional<Instant> lastCheckpointAt, Optional<String> problem) {
    /** What the integrator is doing. */
    public enum State {
        /** Another integrator of this database holds the lock; this one waits to take over. */
        WAITING_FOR_LOCK,
        /** Appending committed events to the log. */
        RUNNING,
        /** Met a transient error (the database or the disk); retries shortly. */
        RETRYING,
        /** Found the log and the database disagree; signs nothing more until an operator looks. */
        FAILED,
        /** Closed. */
        STOPPED
    }

    /** Committed events not yet in the log. */
    public long lag() {
        return Math.max(0, databaseHead - logSize);
    }
}
