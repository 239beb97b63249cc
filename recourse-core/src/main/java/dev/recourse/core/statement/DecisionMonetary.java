package dev.recourse.core.statement;

/**
 * A restriction of monetary payments (DSA {@code decision_monetary}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum DecisionMonetary implements DsaCode {
    DECISION_MONETARY_SUSPENSION,
    DECISION_MONETARY_TERMINATION,
    DECISION_MONETARY_OTHER
}
