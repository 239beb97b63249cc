package dev.recourse.core.statement;

/**
 * How far the decision was automated (DSA {@code automated_decision}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum AutomatedDecision implements DsaCode {
    AUTOMATED_DECISION_FULLY,
    AUTOMATED_DECISION_PARTIALLY,
    AUTOMATED_DECISION_NOT_AUTOMATED
}
