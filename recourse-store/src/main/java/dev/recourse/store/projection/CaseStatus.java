package dev.recourse.store.projection;

/** Where a case stands. */
public enum CaseStatus {
    /** No decision yet. */
    OPEN,
    /** Its latest decision stands, and no appeal is pending. */
    DECIDED,
    /** An appeal is pending. */
    APPEALED,
    /**
     * The last appeal decided reversed the decision, or a person reversed it outside an appeal, and no decision came
     * since.
     */
    REVERSED
}
