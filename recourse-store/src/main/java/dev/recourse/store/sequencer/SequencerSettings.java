package dev.recourse.store.sequencer;

/**
 * Bounds of the sequencer.
 *
 * @param queueCapacity how many writes may wait; a writer blocks while the queue is full
 * @param maxWritesPerTransaction how many writes one transaction takes at most
 */
public record SequencerSettings(int queueCapacity, int maxWritesPerTransaction) {
    /** Room for a second of load at the target rate, and transactions of a few thousand events. */
    public static final SequencerSettings DEFAULT = new SequencerSettings(20_000, 2_000);

    public SequencerSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue holds at least one write, not " + queueCapacity);
        }
        if (maxWritesPerTransaction < 1) {
            throw new IllegalArgumentException("a transaction takes at least one write, not " + maxWritesPerTransaction);
        }
    }
}
