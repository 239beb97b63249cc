package dev.recourse.core.policy;

/**
 * What a rule does when evidence it needs is unavailable: a classifier failed or timed out, or a pattern search ran
 * out of its budget. Never enforcement, whatever the rule's mode.
 */
public enum OnFailure {
    /** No decision; the failure is reported. */
    NO_DECISION,
    /** A proposal for a person to review (shadow rules record nothing). */
    REVIEW
}
