package dev.recourse.core.statement;

/**
 * A suspension or termination of the provision of the service (DSA {@code decision_provision}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum DecisionProvision implements DsaCode {
    DECISION_PROVISION_PARTIAL_SUSPENSION,
    DECISION_PROVISION_TOTAL_SUSPENSION,
    DECISION_PROVISION_PARTIAL_TERMINATION,
    DECISION_PROVISION_TOTAL_TERMINATION
}
