package dev.recourse.core.statement;

/**
 * A suspension or termination of the account (DSA {@code decision_account}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum DecisionAccount implements DsaCode {
    DECISION_ACCOUNT_SUSPENDED,
    DECISION_ACCOUNT_TERMINATED
}
