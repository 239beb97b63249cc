package dev.recourse.store.sequencer;

/**
 * What a write expects of its stream's version (the number of events in the stream) before it:
 * the optimistic concurrency check.
 */
public sealed interface ExpectedVersion {
    /** No check: the events are appended whatever the stream holds. */
    record Any() implements ExpectedVersion {}

    /**
     * The stream holds exactly {@code version} events; 0 means the stream does not exist yet.
     *
     * @param version at least 0
     */
    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) {
                throw new IllegalArgumentException("a stream version is at least 0, not " + version);
            }
        }
    }

    /** Expects nothing. */
    ExpectedVersion ANY = new Any();

    /** Expects a stream that does not exist yet. */
    ExpectedVersion NO_STREAM = new Exactly(0);

    /** Shorthand for {@code new Exactly(version)}. */
    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }

    /** Whether a stream at {@code current} meets this expectation. */
    default boolean admits(long current) {
        return switch (this) {
            case Any any -> true;
            case Exactly exactly -> exactly.version() == current;
        };
    }
}
