package dev.recourse.store.projection;

import dev.recourse.core.statement.SourceType;

/**
 * What started a decision, as the public record tells it: the DSA's source types, with authorities told apart. A
 * decision caused by an authority's order or a government's request shows as such once the request is disclosed; until
 * then it shows the DSA source type of its statement.
 */
public enum DecisionSource {
    /** A notice by a user (DSA Art. 16). */
    ARTICLE_16,
    /** A notice by a trusted flagger (DSA Art. 22). */
    TRUSTED_FLAGGER,
    /** Another kind of notice. */
    OTHER_NOTICE,
    /** An authority's binding order (DSA Art. 9), disclosed. */
    AUTHORITY_ORDER,
    /** A government body's request without a binding order, disclosed. */
    GOVERNMENT_REQUEST,
    /** The platform's own initiative: no notice. */
    OWN_INITIATIVE,
    /** The decision states no source: a decision to take no action. */
    NOT_STATED;

    /** The source a statement's DSA {@code source_type} names. */
    public static DecisionSource of(SourceType type) {
        return switch (type) {
            case SOURCE_ARTICLE_16 -> ARTICLE_16;
            case SOURCE_TRUSTED_FLAGGER -> TRUSTED_FLAGGER;
            case SOURCE_TYPE_OTHER_NOTIFICATION -> OTHER_NOTICE;
            case SOURCE_VOLUNTARY -> OWN_INITIATIVE;
        };
    }
}
