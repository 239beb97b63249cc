package dev.recourse.core.decision;

import dev.recourse.core.statement.DsaField;
import dev.recourse.core.statement.DsaStatement;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reasons a decider gives, as the DSA fields that only a person or a rule's template can state: the ground
 * (legal ground or terms, with explanation), the reference URL, the content type, category and keywords, the facts
 * and the EAN-13. Everything else in the statement of reasons (the decisions and end dates, territorial scope,
 * language, dates, source, automation, puid) follows from the case and the decision, and the core fills it in.
 *
 * @param grounds a statement holding only the fields of {@link #STATED}
 */
public record Reasons(DsaStatement grounds) {
    /** The fields a decider states. */
    public static final Set<DsaField> STATED = EnumSet.of(DsaField.DECISION_GROUND, DsaField.ILLEGAL_CONTENT_LEGAL_GROUND,
            DsaField.ILLEGAL_CONTENT_EXPLANATION, DsaField.INCOMPATIBLE_CONTENT_GROUND, DsaField.INCOMPATIBLE_CONTENT_EXPLANATION,
            DsaField.INCOMPATIBLE_CONTENT_ILLEGAL, DsaField.DECISION_GROUND_REFERENCE_URL, DsaField.CONTENT_TYPE,
            DsaField.CONTENT_TYPE_OTHER, DsaField.CATEGORY, DsaField.CATEGORY_ADDITION, DsaField.CATEGORY_SPECIFICATION,
            DsaField.CATEGORY_SPECIFICATION_OTHER, DsaField.DECISION_FACTS, DsaField.CONTENT_ID);

    public Reasons {
        // The rules drop only stated fields or, with source_type present, source_identity: nothing derived hides.
        Set<DsaField> given = EnumSet.noneOf(DsaField.class);
        given.addAll(grounds.dsaFields().keySet());
        given.removeAll(STATED);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("the core derives " + given + "; reasons state only " + STATED);
        }
    }
}
