package dev.recourse.store.sequencer;

/** What became of a write whose transaction committed. */
public sealed interface WriteResult {
    /**
     * The events are committed, at consecutive positions.
     *
     * @param streamId the stream written
     * @param positions the events' positions, in order
     * @param streamVersion the stream's version after the write
     */
    record Committed(String streamId, PositionRange positions, long streamVersion) implements WriteResult {}

    /**
     * The stream was not at the expected version, or the group's {@link Admission} refused it for the state of that
     * stream; nothing of this write was stored.
     *
     * @param streamId the stream
     * @param expected what the write expected ({@link ExpectedVersion#ANY} when the admission refused)
     * @param actualVersion the stream's version when the write was checked; {@link #UNKNOWN} when the admission refused
     */
    record Conflict(String streamId, ExpectedVersion expected, long actualVersion) implements WriteResult {
        /** The version of a stream the admission named, which the sequencer did not read. */
        public static final long UNKNOWN = -1;
    }
}
