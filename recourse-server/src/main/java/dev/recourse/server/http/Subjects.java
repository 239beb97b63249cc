package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.command.Command;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.store.projection.ReadModel;
import dev.recourse.core.statement.AccountType;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.NetworkId;
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

/**
 * Subjects: as requests describe them and how they map to the core's, and the endpoints that describe a subject
 * ahead of any notice and show it with the restrictions in force on it.
 */
public final class Subjects {
    /** A platform's identifier: what core's ids take (1 to 500 characters, no control characters). */
    static final Shape PLATFORM_ID = text(1, 500, "The platform's identifier.");
    static final Shape.Choice KIND = choice("What it is.", names(SubjectKind.values()));

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
                    Arrays.stream(AccountType.values()).map(AccountType::dsaValue).toList())),
            optional("network", text(1, 500, "The platform's grouping it is in, if any: an organisation, a newsroom, a network of"
                    + " accounts. The circuit breakers count the subjects of one network together, whoever owns them.")),
            optional("page", text(1, 500, "The platform's id of the page it belongs to, if any: content posted on a page, an"
                    + " editor's account of a page. The circuit breakers count the subjects of one page together.")));

    /** What a subject's read answers. */
    static final Shape.Obj STANDING = object("A subject as last described, its case and the restrictions in force on it.",
            required("subject", SUBJECT),
            required("case", Commands.ID),
            required("describedAt", formatted(Format.DATE_TIME, 40, "When it was last described.")),
            required("restrictions", Shape.list(Cases.RESTRICTION, 0, 10_000, "The restrictions in force on it now.")));

    /** What describing a subject answers. */
    static final Shape.Obj DESCRIBED = object("The subject as recorded and its case.",
            required("subject", SUBJECT),
            required("case", Commands.ID),
            required("describedAt", formatted(Format.DATE_TIME, 40, "When it was last described.")),
            required("changed", Shape.flag("Whether this description differs from the one before (and was recorded).")));

    private final DueProcess process;
    private final EventStore events;
    private final ReadModel readModel;

    /** The subjects of {@code process}, read from {@code events} and {@code readModel}. */
    public Subjects(DueProcess process, EventStore events, ReadModel readModel) {
        this.process = process;
        this.events = events;
        this.readModel = readModel;
    }

    /**
     * {@code POST /v1/subjects}: the platform describes a subject as it is now (reach, protection...): its case is
     * opened if it has none, and the description is recorded if it changed.
     */
    public Answer describe(Call call) {
        Subject subject = subject(call.body());
        // Made from the events alone when there are any (the answer is stored with them, in their transaction); read
        // only when the description did not change and nothing was stored.
        return Commands.carryOut(process, call, new Command.DescribeSubject(subject), field -> "$." + field,
                recorded -> Commands.first(recorded, CaseEvent.SubjectDescribed.class)
                        .map(d -> described(d.event(), true))
                        .orElseGet(() -> described(lastDescription(subject.ref())
                                .orElseThrow(() -> new IllegalStateException("an unchanged subject was described before")), false)));
    }

    private static Answer described(CaseEvent.SubjectDescribed d, boolean changed) {
        return Answer.json(200, Json.object()
                .put("subject", json(d.subject()))
                .put("case", d.caseId().toString())
                .put("describedAt", d.at().toString())
                .put("changed", Json.of(changed))
                .build());
    }

    /** {@code GET /v1/subjects/{kind}/{id}}: the subject as last described, with the restrictions in force on it. */
    public Answer show(Call call) {
        String kind = call.pathParameter("kind");
        String id = call.pathParameter("id");
        if (!KIND.values().contains(kind) || !PLATFORM_ID.problems(Json.of(id)).isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no subject " + kind + "/" + id));
        }
        SubjectRef ref = new SubjectRef(SubjectKind.valueOf(kind.toUpperCase(Locale.ROOT)), id);
        return standing(ref).map(view -> Answer.json(200, view))
                .orElseGet(() -> call.answer(Problem.of(ProblemType.NOT_FOUND, "no subject " + kind + "/" + id
                        + " was described yet")));
    }

    private java.util.Optional<Json> standing(SubjectRef ref) {
        return lastDescription(ref).map(last -> Json.object()
                .put("subject", json(last.subject()))
                .put("case", last.caseId().toString())
                .put("describedAt", last.at().toString())
                .put("restrictions", readModel.standingRestrictions(ref).stream().map(Cases::json).toList())
                .build());
    }

    private java.util.Optional<CaseEvent.SubjectDescribed> lastDescription(SubjectRef ref) {
        CaseEvent.SubjectDescribed last = null;
        for (RecordedEvent e : events.read(StreamId.of(ref))) {
            if (e.event() instanceof CaseEvent.SubjectDescribed described) {
                last = described;
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /** {@code subject} as requests describe it ({@link #SUBJECT}). */
    static Json json(Subject subject) {
        Json.ObjBuilder obj = Json.object()
                .put("kind", name(subject.ref().kind()))
                .put("id", subject.ref().platformId())
                .put("owner", subject.owner().value())
                .put("reach", Json.of(subject.reach()))
                .put("language", subject.language().value())
                .put("territory", subject.territory().value());
        subject.protectedMark().ifPresent(mark -> obj.put("protected", name(mark)));
        obj.put("since", subject.since().toString());
        subject.accountType().ifPresent(type -> obj.put("accountType", type.dsaValue()));
        subject.network().ifPresent(network -> obj.put("network", network.value()));
        subject.page().ifPresent(page -> obj.put("page", page.platformId()));
        return obj.build();
    }

    static SubjectRef ref(Fields ref) {
        return new SubjectRef(SubjectKind.valueOf(ref.text("kind").toUpperCase(Locale.ROOT)), ref.text("id"));
    }

    static Subject subject(Fields s) {
        return new Subject(ref(s), new AccountId(s.text("owner")), s.whole("reach"), new LanguageCode(s.text("language")),
                new CountryCode(s.text("territory")),
                s.optionalText("protected").map(p -> ProtectedMark.valueOf(p.toUpperCase(Locale.ROOT))),
                LocalDate.parse(s.text("since")), s.optionalText("accountType").map(AccountType::valueOf),
                s.optionalText("network").map(NetworkId::new), s.optionalText("page").map(page -> new SubjectRef(SubjectKind.PAGE, page)));
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
