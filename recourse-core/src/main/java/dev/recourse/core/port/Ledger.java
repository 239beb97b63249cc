package dev.recourse.core.port;

/**
 * The transparency log, as the core sees it: public entries go in, each gets its index. The implementation appends to
 * the verifiable log (recourse-tlog) and MUST keep the order in which entries are handed over.
 */
public interface Ledger {
    /** Appends one public entry (canonical JSON bytes) and returns its index in the log. */
    LogIndex append(byte[] publicEntry);

    /**
     * The index of an entry in the log.
     *
     * @param value at least 0
     */
    record LogIndex(long value) {
        public LogIndex {
            if (value < 0) {
                throw new IllegalArgumentException("a log index is at least 0, not " + value);
            }
        }
    }
}
