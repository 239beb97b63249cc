package dev.recourse.core.statement;

import java.util.Locale;

/**
 * The fields of a DSA Transparency Database statement of reasons (schema v2), in the order the database
 * documents them. {@link #dsaName()} is the name the database uses; exporters and error messages use it.
 */
public enum DsaField {
    DECISION_VISIBILITY,
    DECISION_VISIBILITY_OTHER,
    DECISION_MONETARY,
    DECISION_MONETARY_OTHER,
    DECISION_PROVISION,
    DECISION_ACCOUNT,
    ACCOUNT_TYPE,
    END_DATE_VISIBILITY_RESTRICTION,
    END_DATE_MONETARY_RESTRICTION,
    END_DATE_SERVICE_RESTRICTION,
    END_DATE_ACCOUNT_RESTRICTION,
    DECISION_GROUND,
    ILLEGAL_CONTENT_LEGAL_GROUND,
    ILLEGAL_CONTENT_EXPLANATION,
    INCOMPATIBLE_CONTENT_GROUND,
    INCOMPATIBLE_CONTENT_EXPLANATION,
    INCOMPATIBLE_CONTENT_ILLEGAL,
    DECISION_GROUND_REFERENCE_URL,
    CONTENT_TYPE,
    CONTENT_TYPE_OTHER,
    CATEGORY,
    CATEGORY_ADDITION,
    CATEGORY_SPECIFICATION,
    CATEGORY_SPECIFICATION_OTHER,
    TERRITORIAL_SCOPE,
    CONTENT_LANGUAGE,
    CONTENT_DATE,
    APPLICATION_DATE,
    DECISION_FACTS,
    SOURCE_TYPE,
    SOURCE_IDENTITY,
    AUTOMATED_DETECTION,
    AUTOMATED_DECISION,
    PUID,
    CONTENT_ID;

    /** The field's name in the database's API, e.g. {@code decision_visibility}. */
    public String dsaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return dsaName();
    }
}
