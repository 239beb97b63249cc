package dev.recourse.core.statement;

/**
 * A restriction of the visibility of content (DSA {@code decision_visibility}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum DecisionVisibility implements DsaCode {
    DECISION_VISIBILITY_CONTENT_REMOVED,
    DECISION_VISIBILITY_CONTENT_DISABLED,
    DECISION_VISIBILITY_CONTENT_DEMOTED,
    DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED,
    DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED,
    DECISION_VISIBILITY_CONTENT_LABELLED,
    DECISION_VISIBILITY_OTHER
}
