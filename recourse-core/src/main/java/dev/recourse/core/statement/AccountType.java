package dev.recourse.core.statement;

/**
 * Whether the affected account is a business or a private one (DSA {@code account_type}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum AccountType implements DsaCode {
    ACCOUNT_TYPE_BUSINESS,
    ACCOUNT_TYPE_PRIVATE
}
