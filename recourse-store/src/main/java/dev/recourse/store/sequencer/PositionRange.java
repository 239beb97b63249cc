package dev.recourse.store.sequencer;

/**
 * Consecutive positions in the event sequence, which are the events' indexes in the log.
 *
 * @param first the first position, at least 0
 * @param count how many, at least 1
 */
public record PositionRange(long first, int count) {
    public PositionRange {
        if (first < 0) {
            throw new IllegalArgumentException("a position is at least 0, not " + first);
        }
        if (count < 1) {
            throw new IllegalArgumentException("a position range holds at least one position, not " + count);
        }
    }

    /** The last position of the range. */
    public long last() {
        return first + count - 1;
    }

    /** Whether {@code position} is in the range. */
    public boolean contains(long position) {
        return position >= first && position <= last();
    }
}
