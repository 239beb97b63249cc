package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.json.Json;
import dev.recourse.core.statement.AccountType;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.ProtectedMark;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Subjects as requests describe them, and how they map to the core's. */
final class Subjects {
    /** A platform's identifier: what core's ids take (1 to 500 characters, no control characters). */
    static final Shape PLATFORM_ID = text(1, 500, "The platform's identifier.");
    static final Shape KIND = choice("What it is.", names(SubjectKind.values()));

    /** A subject named by its kind and the platform's id. */
    static final Shape.Obj REF = object("A subject, by its kind and the platform's id.",
            required("kind", KIND),
            required("id", PLATFORM_ID));

    /** A subject as the platform describes it at the time. */
    static final Shape.Obj SUBJECT = REF.with("A subject as the platform describes it now: what is acted on.",
            required("owner", text(1, 500, "The account that owns it (for an account, itself): the affected person.")),
            required("reach", whole(0, Json.Num.MAX_EXACT, "Followers or members.")),
            required("language", formatted(Format.LANGUAGE, 2, "The language of the content and its owner: ISO 639-1.")),
            required("territory", formatted(Format.COUNTRY, 2, "The country the owner is in: ISO 3166-1 alpha-2.")),
            optional("protected", choice("Why it is protected: account- or page-level actions on it then need two people.",
                    names(ProtectedMark.values()))),
            required("since", formatted(Format.DATE, 10, "When the content was posted, or the account or page made.")),
            optional("accountType", choice("The owner's account type, as the DSA names it.",
                    Arrays.stream(AccountType.values()).map(AccountType::dsaValue).toList())));

    private Subjects() {}

    static SubjectRef ref(Fields ref) {
        return new SubjectRef(SubjectKind.valueOf(ref.text("kind").toUpperCase(Locale.ROOT)), ref.text("id"));
    }

    static Subject subject(Fields s) {
        return new Subject(ref(s), new AccountId(s.text("owner")), s.whole("reach"), new LanguageCode(s.text("language")),
                new CountryCode(s.text("territory")),
                s.optionalText("protected").map(p -> ProtectedMark.valueOf(p.toUpperCase(Locale.ROOT))),
                LocalDate.parse(s.text("since")), s.optionalText("accountType").map(AccountType::valueOf));
    }

    static Json json(SubjectRef ref) {
        return Json.object().put("kind", name(ref.kind())).put("id", ref.platformId()).build();
    }

    /** An enum constant as the API spells it: {@code elected_official}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Subjects::name).toList();
    }
}
