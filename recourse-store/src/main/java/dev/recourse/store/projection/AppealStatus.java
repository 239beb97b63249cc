package dev.recourse.store.projection;

/** Where the appeals of a decision stand, as the public record tells it: the latest appeal's state. */
public enum AppealStatus {
    /** Nobody appealed. */
    NONE,
    /** An appeal waits for a reviewer. */
    PENDING,
    /** The decision stands. */
    UPHELD,
    /** The decision was reversed. */
    REVERSED,
    /** The decision was replaced by another. */
    MODIFIED
}
