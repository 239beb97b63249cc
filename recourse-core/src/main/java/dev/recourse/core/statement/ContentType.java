package dev.recourse.core.statement;

/**
 * What kind of content the decision concerns (DSA {@code content_type}).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum ContentType implements DsaCode {
    CONTENT_TYPE_APP,
    CONTENT_TYPE_AUDIO,
    CONTENT_TYPE_IMAGE,
    CONTENT_TYPE_PRODUCT,
    CONTENT_TYPE_SYNTHETIC_MEDIA,
    CONTENT_TYPE_TEXT,
    CONTENT_TYPE_VIDEO,
    CONTENT_TYPE_OTHER
}
