package dev.recourse.store.sequencer;

import java.util.List;

/** What became of a {@link WriteGroup} whose transaction committed: all of it, or none. */
public sealed interface GroupResult {
    /**
     * Every write of the group is committed; the group's events hold consecutive positions.
     *
     * @param writes one result per write, in the group's order
     */
    record Committed(List<WriteResult.Committed> writes) implements GroupResult {
        public Committed {
            writes = List.copyOf(writes);
        }
    }

    /**
     * A write's stream was not at its expected version, so nothing of the group was stored.
     *
     * @param conflict the first write of the group, in its order, whose expectation failed
     */
    record Conflict(WriteResult.Conflict conflict) implements GroupResult {}
}
