package dev.recourse.core.statement;

/**
 * A yes or no as the DSA spells it (DSA {@code automated_detection}, {@code incompatible_content_illegal}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum YesNo implements DsaCode {
    Yes,
    No
}
