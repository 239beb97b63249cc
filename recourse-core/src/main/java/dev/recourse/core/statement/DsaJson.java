package dev.recourse.core.statement;

import static dev.recourse.core.statement.DsaField.*;

import dev.recourse.core.json.CanonicalWriter;
import dev.recourse.core.json.Json;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/** Maps a statement onto the DSA Transparency Database's fields, in the database's order. */
final class DsaJson {
    private DsaJson() {}

    static SequencedMap<DsaField, Json> fields(DsaStatement s) {
        SequencedMap<DsaField, Json> out = new LinkedHashMap<>();
        codes(out, DECISION_VISIBILITY, s.decisionVisibility());
        text(out, DECISION_VISIBILITY_OTHER, s.decisionVisibilityOther());
        code(out, DECISION_MONETARY, s.decisionMonetary());
        text(out, DECISION_MONETARY_OTHER, s.decisionMonetaryOther());
        code(out, DECISION_PROVISION, s.decisionProvision());
        code(out, DECISION_ACCOUNT, s.decisionAccount());
        code(out, ACCOUNT_TYPE, s.accountType());
        date(out, END_DATE_VISIBILITY_RESTRICTION, s.endDateVisibilityRestriction());
        date(out, END_DATE_MONETARY_RESTRICTION, s.endDateMonetaryRestriction());
        date(out, END_DATE_SERVICE_RESTRICTION, s.endDateServiceRestriction());
        date(out, END_DATE_ACCOUNT_RESTRICTION, s.endDateAccountRestriction());
        code(out, DECISION_GROUND, s.decisionGround());
        text(out, ILLEGAL_CONTENT_LEGAL_GROUND, s.illegalContentLegalGround());
        text(out, ILLEGAL_CONTENT_EXPLANATION, s.illegalContentExplanation());
        text(out, INCOMPATIBLE_CONTENT_GROUND, s.incompatibleContentGround());
        text(out, INCOMPATIBLE_CONTENT_EXPLANATION, s.incompatibleContentExplanation());
        code(out, INCOMPATIBLE_CONTENT_ILLEGAL, s.incompatibleContentIllegal());
        text(out, DECISION_GROUND_REFERENCE_URL, s.decisionGroundReferenceUrl());
        codes(out, CONTENT_TYPE, s.contentType());
        text(out, CONTENT_TYPE_OTHER, s.contentTypeOther());
        code(out, CATEGORY, s.category());
        codes(out, CATEGORY_ADDITION, s.categoryAddition());
        codes(out, CATEGORY_SPECIFICATION, s.categorySpecification());
        text(out, CATEGORY_SPECIFICATION_OTHER, s.categorySpecificationOther());
        if (!s.territorialScope().isEmpty()) {
            out.put(TERRITORIAL_SCOPE, Json.strings(s.territorialScope()));
        }
        text(out, CONTENT_LANGUAGE, s.contentLanguage());
        date(out, CONTENT_DATE, s.contentDate());
        date(out, APPLICATION_DATE, s.applicationDate());
        text(out, DECISION_FACTS, s.decisionFacts());
        code(out, SOURCE_TYPE, s.sourceType());
        text(out, SOURCE_IDENTITY, s.sourceIdentity());
        code(out, AUTOMATED_DETECTION, s.automatedDetection());
        code(out, AUTOMATED_DECISION, s.automatedDecision());
        text(out, PUID, s.puid());
        s.contentIdEan13().ifPresent(ean -> out.put(CONTENT_ID, Json.object().put("EAN-13", ean).build()));
        out.keySet().removeIf(field -> DsaRules.drops(s, field));
        return out;
    }

    static Json.Obj toJson(DsaStatement s) {
        Json.ObjBuilder obj = Json.object();
        fields(s).forEach((field, value) -> obj.put(field.dsaName(), value));
        return obj.build();
    }

    /** Writes {@link #toJson}'s object to {@code out}, as a value, without building it. */
    static void write(DsaStatement s, CanonicalWriter out) {
        out.beginObject();
        fields(s).forEach((field, value) -> out.name(field.dsaName()).json(value));
        out.endObject();
    }

    private static void text(SequencedMap<DsaField, Json> out, DsaField field, Optional<String> value) {
        value.ifPresent(v -> out.put(field, Json.of(v)));
    }

    private static void code(SequencedMap<DsaField, Json> out, DsaField field, Optional<? extends DsaCode> value) {
        value.ifPresent(v -> out.put(field, Json.of(v.dsaValue())));
    }

    private static void date(SequencedMap<DsaField, Json> out, DsaField field, Optional<LocalDate> value) {
        value.ifPresent(v -> out.put(field, Json.of(v.toString())));
    }

    private static void codes(SequencedMap<DsaField, Json> out, DsaField field, Collection<? extends DsaCode> values) {
        if (!values.isEmpty()) {
            List<String> spelled = values.stream().map(DsaCode::dsaValue).toList();
            out.put(field, Json.strings(spelled));
        }
    }
}
