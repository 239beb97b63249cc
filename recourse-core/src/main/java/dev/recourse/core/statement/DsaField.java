package dev.recourse.core.statement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** Each field by its {@link #dsaName}: forms are read field by field, for every decision. */
    private static final Map<String, DsaField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DsaField::dsaName, f -> f));

    // Made once: the name is asked for many times per statement read or written.
    private final String dsaName = name().toLowerCase(Locale.ROOT);

    /** The field's name in the database's API, e.g. {@code decision_visibility}. */
    public String dsaName() {
        return dsaName;
    }

    /** The field whose {@link #dsaName} is {@code dsaName}, if there is one. */
    public static Optional<DsaField> named(String dsaName) {
        return Optional.ofNullable(BY_NAME.get(dsaName));
    }

    @Override
    public String toString() {
        return dsaName();
    }
}
