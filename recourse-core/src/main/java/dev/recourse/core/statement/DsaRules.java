package dev.recourse.core.statement;

import static dev.recourse.core.statement.DsaField.*;

import dev.recourse.core.FieldError;
import dev.recourse.core.subject.LanguageCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The DSA Transparency Database's validation rules for a statement of reasons (schema v2), one check per rule of
 * {@code reference/dsa-statement-of-reasons-v2.json}; each error names the database's field.
 */
final class DsaRules {
    static final LocalDate LATEST = LocalDate.of(2038, 1, 1);
    static final LocalDate EARLIEST_CONTENT = LocalDate.of(2000, 1, 1);
    static final LocalDate EARLIEST_APPLICATION = LocalDate.of(2020, 1, 1);
    static final int SHORT_TEXT = 500;
    static final int EXPLANATION = 2000;
    static final int FACTS = 5000;

    private static final Pattern EAN_13 = Pattern.compile("[0-9]{13}");
    private static final Pattern UPPER_ALPHA_2 = Pattern.compile("[A-Z]{2}");
    private static final Set<String> EEA = eea();

    private DsaRules() {}

    static List<FieldError> check(DsaStatement s) {
        List<FieldError> errors = new ArrayList<>();
        Checker c = new Checker(errors);

        // Decisions: at least one kind, and the free text for "other".
        if (s.decisionVisibility().isEmpty() && s.decisionMonetary().isEmpty() && s.decisionProvision().isEmpty()
                && s.decisionAccount().isEmpty()) {
            c.error(DECISION_VISIBILITY, "at least one of decision_visibility, decision_monetary, decision_provision "
                    + "and decision_account is required");
        }
        c.requiredWhen(DECISION_VISIBILITY_OTHER, s.decisionVisibilityOther(),
                s.decisionVisibility().contains(DecisionVisibility.DECISION_VISIBILITY_OTHER),
                "decision_visibility contains DECISION_VISIBILITY_OTHER");
        c.maxLength(DECISION_VISIBILITY_OTHER, s.decisionVisibilityOther(), SHORT_TEXT);
        c.requiredWhen(DECISION_MONETARY_OTHER, s.decisionMonetaryOther(),
                s.decisionMonetary().equals(Optional.of(DecisionMonetary.DECISION_MONETARY_OTHER)),
                "decision_monetary is DECISION_MONETARY_OTHER");
        c.maxLength(DECISION_MONETARY_OTHER, s.decisionMonetaryOther(), SHORT_TEXT);

        // End dates: blank means indefinite; none lies after 2038-01-01 or before the application date.
        c.endDate(END_DATE_VISIBILITY_RESTRICTION, s.endDateVisibilityRestriction(), s.applicationDate());
        c.endDate(END_DATE_MONETARY_RESTRICTION, s.endDateMonetaryRestriction(), s.applicationDate());
        c.endDate(END_DATE_SERVICE_RESTRICTION, s.endDateServiceRestriction(), s.applicationDate());
        c.endDate(END_DATE_ACCOUNT_RESTRICTION, s.endDateAccountRestriction(), s.applicationDate());

        // Ground: illegal content needs the legal ground and explanation; incompatible content, the terms.
        c.required(DECISION_GROUND, s.decisionGround());
        boolean illegal = s.decisionGround().equals(Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT));
        boolean incompatible = s.decisionGround().equals(Optional.of(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT));
        if (illegal) {
            c.requiredWhen(ILLEGAL_CONTENT_LEGAL_GROUND, s.illegalContentLegalGround(), true, "decision_ground is DECISION_GROUND_ILLEGAL_CONTENT");
            c.maxLength(ILLEGAL_CONTENT_LEGAL_GROUND, s.illegalContentLegalGround(), SHORT_TEXT);
            c.requiredWhen(ILLEGAL_CONTENT_EXPLANATION, s.illegalContentExplanation(), true, "decision_ground is DECISION_GROUND_ILLEGAL_CONTENT");
            c.maxLength(ILLEGAL_CONTENT_EXPLANATION, s.illegalContentExplanation(), EXPLANATION);
        }
        c.requiredWhen(INCOMPATIBLE_CONTENT_GROUND, s.incompatibleContentGround(), incompatible,
                "decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT");
        c.maxLength(INCOMPATIBLE_CONTENT_GROUND, s.incompatibleContentGround(), SHORT_TEXT);
        c.requiredWhen(INCOMPATIBLE_CONTENT_EXPLANATION, s.incompatibleContentExplanation(), incompatible,
                "decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT");
        c.maxLength(INCOMPATIBLE_CONTENT_EXPLANATION, s.incompatibleContentExplanation(), EXPLANATION);
        if (s.incompatibleContentIllegal().isPresent() && !incompatible) {
            c.error(INCOMPATIBLE_CONTENT_ILLEGAL, "is only given when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT");
        }
        c.maxLength(DECISION_GROUND_REFERENCE_URL, s.decisionGroundReferenceUrl(), SHORT_TEXT);
        s.decisionGroundReferenceUrl().filter(url -> !isWebUrl(url))
                .ifPresent(url -> c.error(DECISION_GROUND_REFERENCE_URL, "is not an http or https URL"));

        // Content and category.
        if (s.contentType().isEmpty()) {
            c.error(CONTENT_TYPE, "is required");
        }
        c.requiredWhen(CONTENT_TYPE_OTHER, s.contentTypeOther(), s.contentType().contains(ContentType.CONTENT_TYPE_OTHER),
                "content_type contains CONTENT_TYPE_OTHER");
        c.maxLength(CONTENT_TYPE_OTHER, s.contentTypeOther(), SHORT_TEXT);
        c.required(CATEGORY, s.category());
        c.maxLength(CATEGORY_SPECIFICATION_OTHER, s.categorySpecificationOther(), SHORT_TEXT);

        // Where, in what language, when.
        Set<String> seen = new HashSet<>();
        for (String code : s.territorialScope()) {
            if (!EEA.contains(code)) {
                c.error(TERRITORIAL_SCOPE, "\"" + code + "\" is not the code of a country of the European Economic Area");
            } else if (!seen.add(code)) {
                c.error(TERRITORIAL_SCOPE, "\"" + code + "\" is given twice");
            }
        }
        s.contentLanguage().filter(lang -> !isUpperIso6391(lang))
                .ifPresent(lang -> c.error(CONTENT_LANGUAGE, "\"" + lang + "\" is not an upper-case ISO 639-1 language code"));
        c.dateBetween(CONTENT_DATE, s.contentDate(), EARLIEST_CONTENT, LATEST);
        c.dateBetween(APPLICATION_DATE, s.applicationDate(), EARLIEST_APPLICATION, LATEST);

        // Facts, source, automation, identity.
        c.requiredWhen(DECISION_FACTS, s.decisionFacts(), true, null);
        c.maxLength(DECISION_FACTS, s.decisionFacts(), FACTS);
        c.required(SOURCE_TYPE, s.sourceType());
        if (!drops(s, SOURCE_IDENTITY)) {
            c.maxLength(SOURCE_IDENTITY, s.sourceIdentity(), SHORT_TEXT);
        }
        c.required(AUTOMATED_DETECTION, s.automatedDetection());
        c.required(AUTOMATED_DECISION, s.automatedDecision());
        c.requiredWhen(PUID, s.puid(), true, null);
        c.maxLength(PUID, s.puid(), SHORT_TEXT);
        s.puid().filter(p -> !p.isBlank() && !isPuid(p))
                .ifPresent(p -> c.error(PUID, "holds only the letters a-z and A-Z, the digits 0-9, - and _"));
        s.contentIdEan13().filter(ean -> !EAN_13.matcher(ean).matches())
                .ifPresent(ean -> c.error(CONTENT_ID, "an EAN-13 is 13 digits, not \"" + ean + "\""));
        return List.copyOf(errors);
    }

    static boolean drops(DsaStatement s, DsaField field) {
        if (field == ILLEGAL_CONTENT_LEGAL_GROUND || field == ILLEGAL_CONTENT_EXPLANATION) {
            return !s.decisionGround().equals(Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT));
        }
        if (field == SOURCE_IDENTITY) {
            return s.sourceType().equals(Optional.of(SourceType.SOURCE_VOLUNTARY));
        }
        return false;
    }

    /** Whether {@code text} is a PUID: one or more of a-z, A-Z, 0-9, - and _. Checked by hand, for every decision. */
    static boolean isPuid(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static boolean isUpperIso6391(String text) {
        return UPPER_ALPHA_2.matcher(text).matches() && LanguageCode.isIso6391(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Set<String> eea() {
        Set<String> codes = new HashSet<>();
        for (EeaCountry country : EeaCountry.values()) {
            codes.add(country.dsaValue());
        }
        return Set.copyOf(codes);
    }

    /** Collects errors; one method per kind of rule. */
    private record Checker(List<FieldError> errors) {
        void error(DsaField field, String problem) {
            errors.add(new FieldError(field.dsaName(), problem));
        }

        void required(DsaField field, Optional<?> value) {
            if (value.isEmpty()) {
                error(field, "is required");
            }
        }

        /** A text that MUST be present and not blank when {@code when} holds; {@code condition} says when, for people. */
        void requiredWhen(DsaField field, Optional<String> value, boolean when, String condition) {
            if (when && value.filter(v -> !v.isBlank()).isEmpty()) {
                error(field, condition == null ? "is required" : "is required when " + condition);
            }
        }

        void maxLength(DsaField field, Optional<String> value, int max) {
            value.filter(v -> v.codePointCount(0, v.length()) > max).ifPresent(v ->
                    error(field, "is at most " + max + " characters, not " + v.codePointCount(0, v.length())));
        }

        void dateBetween(DsaField field, Optional<LocalDate> value, LocalDate earliest, LocalDate latest) {
            required(field, value);
            value.filter(d -> d.isBefore(earliest) || d.isAfter(latest)).ifPresent(d ->
                    error(field, "is between " + earliest + " and " + latest + ", not " + d));
        }

        void endDate(DsaField field, Optional<LocalDate> value, Optional<LocalDate> applicationDate) {
            value.filter(d -> d.isAfter(LATEST)).ifPresent(d -> error(field, "is on or before " + LATEST + ", not " + d));
            value.ifPresent(d -> applicationDate.filter(d::isBefore).ifPresent(a ->
                    error(field, "is not before application_date " + a + ", not " + d)));
        }
    }
}
