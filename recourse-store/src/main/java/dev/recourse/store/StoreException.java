package dev.recourse.store;

/**
 * The store could not do what was asked: the database failed, the sequencer stopped, or the caller's
 * thread was interrupted while it waited. A write that ends so was not acknowledged: it was not
 * stored, unless the connection broke while committing, so a retry MUST be idempotent.
 */
public final class StoreException extends RuntimeException {
    /** Fails with {@code message}, caused by {@code cause}. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
