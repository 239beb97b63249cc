package dev.recourse.core.statement;

import static dev.recourse.core.statement.DsaField.*;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a statement submitted in the Transparency Database's own shape (field names and spellings as in
 * {@link DsaStatement#toDsaJson()}): the edge parser for statements that arrive as JSON. Every value of the wrong
 * type, every value outside its enumeration and every date not in {@code YYYY-MM-DD} is an error naming the field;
 * an unknown field is an error too. The result may still have {@link DsaStatement#problems() problems}.
 */
public final class DsaForm {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private DsaForm() {}

    /** The statement that {@code form} holds, or every field that cannot be read. */
    public static Validation<DsaStatement> parse(Json.Obj form) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : form.members().keySet()) {
            if (DsaField.named(name).isEmpty()) {
                errors.add(new FieldError(name, "is not a field of the statement of reasons"));
            }
        }
        Reader r = new Reader(form, errors);
        DsaStatement.Builder b = DsaStatement.builder()
                .decisionVisibility(r.codes(DECISION_VISIBILITY, DecisionVisibility.class))
                .decisionVisibilityOther(r.text(DECISION_VISIBILITY_OTHER))
                .decisionMonetary(r.code(DECISION_MONETARY, DecisionMonetary.class))
                .decisionMonetaryOther(r.text(DECISION_MONETARY_OTHER))
                .decisionProvision(r.code(DECISION_PROVISION, DecisionProvision.class))
                .decisionAccount(r.code(DECISION_ACCOUNT, DecisionAccount.class))
                .accountType(r.code(ACCOUNT_TYPE, AccountType.class))
                .endDateVisibilityRestriction(r.date(END_DATE_VISIBILITY_RESTRICTION))
                .endDateMonetaryRestriction(r.date(END_DATE_MONETARY_RESTRICTION))
                .endDateServiceRestriction(r.date(END_DATE_SERVICE_RESTRICTION))
                .endDateAccountRestriction(r.date(END_DATE_ACCOUNT_RESTRICTION))
                .decisionGround(r.code(DECISION_GROUND, DecisionGround.class))
                .illegalContentLegalGround(r.text(ILLEGAL_CONTENT_LEGAL_GROUND))
                .illegalContentExplanation(r.text(ILLEGAL_CONTENT_EXPLANATION))
                .incompatibleContentGround(r.text(INCOMPATIBLE_CONTENT_GROUND))
                .incompatibleContentExplanation(r.text(INCOMPATIBLE_CONTENT_EXPLANATION))
                .incompatibleContentIllegal(r.code(INCOMPATIBLE_CONTENT_ILLEGAL, YesNo.class))
                .decisionGroundReferenceUrl(r.text(DECISION_GROUND_REFERENCE_URL))
                .contentType(r.codes(CONTENT_TYPE, ContentType.class))
                .contentTypeOther(r.text(CONTENT_TYPE_OTHER))
                .category(r.code(CATEGORY, Category.class))
                .categoryAddition(r.codes(CATEGORY_ADDITION, Category.class))
                .categorySpecification(r.codes(CATEGORY_SPECIFICATION, Keyword.class))
                .categorySpecificationOther(r.text(CATEGORY_SPECIFICATION_OTHER))
                .territorialScope(r.texts(TERRITORIAL_SCOPE))
                .contentLanguage(r.text(CONTENT_LANGUAGE))
                .contentDate(r.date(CONTENT_DATE))
                .applicationDate(r.date(APPLICATION_DATE))
                .decisionFacts(r.text(DECISION_FACTS))
                .sourceType(r.code(SOURCE_TYPE, SourceType.class))
                .sourceIdentity(r.text(SOURCE_IDENTITY))
                .automatedDetection(r.code(AUTOMATED_DETECTION, YesNo.class))
                .automatedDecision(r.code(AUTOMATED_DECISION, AutomatedDecision.class))
                .puid(r.text(PUID))
                .contentIdEan13(r.ean13());
        return Validation.of(errors, b::build);
    }

    /**
     * One enumerated value as the database spells it.
     *
     * @return the value, or an error naming {@code field} if {@code text} is not one of {@code type}'s values
     */
    public static <E extends Enum<E> & DsaCode> Validation<E> code(DsaField field, Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.dsaValue().equals(text)) {
                return new Validation.Valid<>(value);
            }
        }
        return Validation.invalid(field.dsaName(), "\"" + text + "\" is not one of its values");
    }

    /** A date as the database spells it, {@code YYYY-MM-DD}, or an error naming {@code field}. */
    public static Validation<LocalDate> date(DsaField field, String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return new Validation.Valid<>(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return Validation.invalid(field.dsaName(), "\"" + text + "\" is not a date of the calendar");
            }
        }
        return Validation.invalid(field.dsaName(), "\"" + text + "\" is not a date YYYY-MM-DD");
    }

    /** Reads members of the form, recording what cannot be read. */
    private record Reader(Json.Obj form, List<FieldError> errors) {
        String text(DsaField field) {
            return switch (form.get(field.dsaName())) {
                case null -> null;
                case Json.Null ignored -> null;
                case Json.Str s -> s.value();
                case Json.Obj ignored -> wrong(field, "a string");
                case Json.Arr ignored -> wrong(field, "a string");
                case Json.Num ignored -> wrong(field, "a string");
                case Json.Bool ignored -> wrong(field, "a string");
            };
        }

        List<String> texts(DsaField field) {
            return switch (form.get(field.dsaName())) {
                case null -> List.of();
                case Json.Null ignored -> List.of();
                case Json.Arr arr -> {
                    List<String> out = new ArrayList<>();
                    for (Json element : arr.elements()) {
                        if (element instanceof Json.Str s) {
                            out.add(s.value());
                        } else {
                            wrong(field, "an array of strings");
                        }
                    }
                    yield out;
                }
                case Json.Obj ignored -> wrongList(field);
                case Json.Str ignored -> wrongList(field);
                case Json.Num ignored -> wrongList(field);
                case Json.Bool ignored -> wrongList(field);
            };
        }

        <E extends Enum<E> & DsaCode> E code(DsaField field, Class<E> type) {
            String text = text(field);
            return text == null ? null : keep(DsaForm.code(field, type, text));
        }

        <E extends Enum<E> & DsaCode> Set<E> codes(DsaField field, Class<E> type) {
            Set<E> out = EnumSet.noneOf(type);
            for (String text : texts(field)) {
                Optional.ofNullable(keep(DsaForm.code(field, type, text))).ifPresent(out::add);
            }
            return out;
        }

        LocalDate date(DsaField field) {
            String text = text(field);
            return text == null ? null : keep(DsaForm.date(field, text));
        }

        String ean13() {
            return switch (form.get(CONTENT_ID.dsaName())) {
                case null -> null;
                case Json.Null ignored -> null;
                case Json.Obj obj when obj.members().size() == 1 && obj.get("EAN-13") instanceof Json.Str s -> s.value();
                case Json.Obj ignored -> wrong(CONTENT_ID, "an object with the one key EAN-13");
                case Json.Arr ignored -> wrong(CONTENT_ID, "an object with the one key EAN-13");
                case Json.Str ignored -> wrong(CONTENT_ID, "an object with the one key EAN-13");
                case Json.Num ignored -> wrong(CONTENT_ID, "an object with the one key EAN-13");
                case Json.Bool ignored -> wrong(CONTENT_ID, "an object with the one key EAN-13");
            };
        }

        private <T> T keep(Validation<T> v) {
            errors.addAll(v.errors());
            return v instanceof Validation.Valid<T> valid ? valid.value() : null;
        }

        private <T> T wrong(DsaField field, String expected) {
            errors.add(new FieldError(field.dsaName(), "is " + expected));
            return null;
        }

        private List<String> wrongList(DsaField field) {
            wrong(field, "an array of strings");
            return List.of();
        }
    }
}
