package dev.recourse.store;

/**
 * The sequencer's counters at one moment, since the store opened.
 *
 * @param queued writes waiting for a transaction
 * @param transactions transactions committed
 * @param failedTransactions transactions that failed, failing their writes
 * @param committedEvents events committed
 * @param conflicts writes refused because a stream's expected version did not hold
 */
public record WriteStats(int queued, long transactions, long failedTransactions, long committedEvents, long conflicts) {}
