package dev.recourse.core.statement;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.json.CanonicalWriter;
import dev.recourse.core.json.Json;
import dev.recourse.core.subject.LanguageCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete statement of reasons (DSA Art. 17): the Transparency Database fields, the redress options, the language
 * of the affected person, and the deciders. An instance is always complete: the constructor refuses a statement the
 * database would refuse or whose redress or deciders do not hold; use {@link #validate} to learn every problem.
 *
 * @param dsa the Transparency Database fields
 * @param redress what the affected person can do, with the appeal deadline
 * @param language the language in which the affected person is addressed
 * @param deciders the rule and the people that decided
 */
public record StatementOfReasons(DsaStatement dsa, Redress redress, LanguageCode language, Deciders deciders) {
    /** The error field for the appeal deadline of the redress options. */
    public static final String INTERNAL_COMPLAINT_DEADLINE = "redress.internal_complaint_deadline";
    /** The error field for the out-of-court settlement option. */
    public static final String OUT_OF_COURT_SETTLEMENT = "redress.out_of_court_settlement";
    /** The error field for judicial redress. */
    public static final String JUDICIAL_REDRESS = "redress.judicial_redress";
    /** The shortest time, in months, for which an appeal stays open (DSA Art. 20(1)). */
    public static final int MINIMUM_APPEAL_MONTHS = 6;

    public StatementOfReasons {
        List<FieldError> problems = problems(dsa, redress, deciders);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("an incomplete statement of reasons: " + problems);
        }
    }

    /** The statement if it is complete, otherwise every problem, each naming its field. */
    public static Validation<StatementOfReasons> validate(DsaStatement dsa, Redress redress, LanguageCode language, Deciders deciders) {
        return Validation.of(problems(dsa, redress, deciders), () -> new StatementOfReasons(dsa, redress, language, deciders));
    }

    private static List<FieldError> problems(DsaStatement dsa, Redress redress, Deciders deciders) {
        List<FieldError> errors = new ArrayList<>(dsa.problems());
        dsa.applicationDate().ifPresent(applied -> {
            LocalDate earliest = applied.plusMonths(MINIMUM_APPEAL_MONTHS);
            LocalDate deadline = LocalDate.ofInstant(redress.internalComplaintDeadline(), ZoneOffset.UTC);
            if (deadline.isBefore(earliest)) {
                errors.add(new FieldError(INTERNAL_COMPLAINT_DEADLINE,
                        "an appeal stays open at least " + MINIMUM_APPEAL_MONTHS + " months, until " + earliest + ", not " + deadline));
            }
        });
        if (redress.outOfCourtSettlement().isBlank()) {
            errors.add(new FieldError(OUT_OF_COURT_SETTLEMENT, "is required"));
        }
        if (redress.judicialRedress().isBlank()) {
            errors.add(new FieldError(JUDICIAL_REDRESS, "is required"));
        }
        dsa.automatedDecision().filter(a -> a != deciders.automation()).ifPresent(a -> errors.add(new FieldError(
                DsaField.AUTOMATED_DECISION.dsaName(), "is " + a.dsaValue() + " but the deciders make it " + deciders.automation().dsaValue())));
        if (deciders.rule().isPresent() && dsa.automatedDetection().filter(d -> d == YesNo.No).isPresent()) {
            errors.add(new FieldError(DsaField.AUTOMATED_DETECTION.dsaName(), "is No but an automated rule took part"));
        }
        return errors;
    }

    /**
     * The statement as one JSON object: {@code dsa} (the database's fields, see {@link DsaStatement#toDsaJson()}),
     * {@code redress}, {@code language} and {@code deciders}. It holds no personal data.
     */
    public Json.Obj toJson() {
        return Json.object()
                .put("dsa", dsa.toDsaJson())
                .put("redress", Json.object()
                        .put("internal_complaint_deadline", redress.internalComplaintDeadline().toString())
                        .put("out_of_court_settlement", redress.outOfCourtSettlement())
                        .put("judicial_redress", redress.judicialRedress())
                        .build())
                .put("language", language.value())
                .put("deciders", deciders.toJson())
                .build();
    }

    /**
     * Writes the canonical form of {@link #toJson()}'s object to {@code out}, as a value, without building the tree: a decision's public
     * log entry holds it.
     *
     * @return {@code out}
     */
    public CanonicalWriter write(CanonicalWriter out) {
        out.beginObject();
        DsaJson.write(dsa, out.name("dsa"));
        out.name("redress").beginObject()
                .name("internal_complaint_deadline").instant(redress.internalComplaintDeadline())
                .name("out_of_court_settlement").string(redress.outOfCourtSettlement())
                .name("judicial_redress").string(redress.judicialRedress())
                .endObject();
        out.name("language").string(language.value());
        return out.name("deciders").json(deciders.toJson()).endObject();
    }
}
