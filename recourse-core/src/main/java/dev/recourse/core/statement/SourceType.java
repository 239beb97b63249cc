package dev.recourse.core.statement;

/**
 * What brought the content to the provider's attention (DSA {@code source_type}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum SourceType implements DsaCode {
    SOURCE_ARTICLE_16,
    SOURCE_TRUSTED_FLAGGER,
    SOURCE_TYPE_OTHER_NOTIFICATION,
    SOURCE_VOLUNTARY
}
