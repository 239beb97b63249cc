package dev.recourse.core.statement;

/**
 * Whether the content was found illegal or incompatible with the terms (DSA {@code decision_ground}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum DecisionGround implements DsaCode {
    DECISION_GROUND_ILLEGAL_CONTENT,
    DECISION_GROUND_INCOMPATIBLE_CONTENT
}
