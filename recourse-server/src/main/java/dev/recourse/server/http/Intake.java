package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.affirmed;
import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.flag;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.FieldError;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.page.PageLinks;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What brings a subject to attention through the API: notices (DSA Art. 16, from users and trusted flaggers) and
 * authority requests (Art. 9 orders and government requests). Each is answered with a confirmation of receipt
 * (Art. 16(4)) that names the notice, its case and the receipt of its log entry.
 */
public final class Intake {
    /** A person's name and e-mail address, as core's {@link Contact} takes them. */
    static final Shape.Obj CONTACT = object("How to reach a person.",
            required("name", text(1, 200, "Their name.")),
            required("email", formatted(Format.EMAIL, 320, "Their e-mail address.")));

    /** A notice (DSA Art. 16): every element the article requires. */
    static final Shape NOTICE = object("A notice of illegal content or content against the terms (DSA Art. 16).",
            required("subject", Subjects.SUBJECT),
            required("location", formatted(Format.HTTP_URL, 2048,
                    "The exact electronic location of the content: its URL (Art. 16(2)(b)).")),
            required("explanation", prose(1, 20_000,
                    "Why the notifier holds the content illegal or against the terms: a substantiated explanation (Art. 16(2)(a)).")),
            required("notifier", object("Who sends the notice (Art. 16(2)(c)).",
                    required("id", Subjects.PLATFORM_ID),
                    optional("name", text(1, 200, "Their name; required unless the notice is exempt.")),
                    optional("email", formatted(Format.EMAIL, 320, "Their e-mail address; required unless the notice is exempt.")))),
            optional("exemption", choice("Leaves out the notifier's name and e-mail: the content is held to involve an offence"
                    + " of Articles 3 to 7 of Directive 2011/93/EU (Art. 16(2)(c)).", List.of("child_sexual_abuse"))),
            optional("trustedFlagger", text(1, 500, "The trusted flagger's organisation, if a trusted flagger sends the"
                    + " notice (Art. 22).")),
            required("goodFaith", affirmed("The notifier's statement that they believe in good faith that the notice is"
                    + " accurate and complete (Art. 16(2)(d)).")));

    /** An authority's order or request (DSA Art. 9, or a government's request). */
    static final Shape AUTHORITY_REQUEST = object("An authority's order or a government's request about a subject.",
            required("subject", Subjects.SUBJECT),
            required("kind", choice("A binding order (DSA Art. 9) or a government's request without one.",
                    Arrays.stream(AuthorityKind.values()).map(Subjects::name).toList())),
            required("authority", object("The public body that asks.",
                    required("name", text(1, 500, "Its official name.")),
                    required("country", formatted(Format.COUNTRY, 2, "The state it acts for.")))),
            required("legalBasis", prose(1, 2_000, "The law it acts under, as it cites it.")),
            required("explanation", prose(1, 20_000, "What it asks and why.")),
            optional("contact", CONTACT),
            optional("legalHold", object("A recorded reason to delay public disclosure, with an end: holds expire.",
                    required("until", formatted(Format.DATE_TIME, 40, "When the hold ends and the request is disclosed.")),
                    required("reason", prose(1, 2_000, "Why disclosure is delayed.")))));

    /** The confirmation of receipt of a notice. */
    static final Shape.Obj RECEIVED = object("The confirmation of receipt (DSA Art. 16(4)).",
            required("notice", Commands.ID),
            required("case", Commands.ID),
            required("receivedAt", formatted(Format.DATE_TIME, 40, "When it was received.")),
            Commands.POSITION,
            Commands.RECEIPT,
            required("confirmation", prose(1, 1_000, "The confirmation, in words.")),
            required("notifierPage", text(1, 200, "The notifier's page of the notice, open without a key at this"
                    + " unguessable link: the confirmation of receipt, then the decision taken on it with its reasons, or"
                    + " that none is yet (Art. 16(4), (5)), and their appeal form (see docs/notice-pages.md).")));

    /** The confirmation of an authority request. */
    static final Shape.Obj REGISTERED = RECEIVED.with("The authority request as registered.",
            required("request", Commands.ID),
            required("disclosed", flag("Whether it is disclosed publicly now; false while a legal hold delays it.")));

    private final DueProcess process;
    private final PageLinks links;

    /** The intake of {@code process}, whose notifiers' pages {@code links} names. */
    public Intake(DueProcess process, PageLinks links) {
        this.process = process;
        this.links = links;
    }

    /** {@code POST /v1/notices}: receives a notice and confirms its receipt. */
    public Answer notice(Call call) {
        Fields body = call.body();
        Fields notifier = body.object("notifier");
        List<FieldError> wrong = new ArrayList<>();
        if (!body.has("exemption")) {
            for (String element : List.of("name", "email")) {
                if (!notifier.has(element)) {
                    wrong.add(new FieldError("$.notifier." + element, "is required unless the notice is exempt (DSA Art. 16(2)(c))"));
                }
            }
        } else if (notifier.has("name") != notifier.has("email")) {
            wrong.add(new FieldError(notifier.has("name") ? "$.notifier.email" : "$.notifier.name",
                    "is given with the other, or neither is"));
        }
        if (!wrong.isEmpty()) {
            return call.answer(Problems.invalid(wrong));
        }
        NotifierId id = new NotifierId(notifier.text("id"));
        NoticeSource source = body.optionalText("trustedFlagger")
                .<NoticeSource>map(organisation -> new NoticeSource.TrustedFlagger(id, organisation))
                .orElseGet(() -> new NoticeSource.User(id));
        Optional<Contact> contact = notifier.has("name")
                ? Optional.of(new Contact(notifier.text("name"), notifier.text("email")))
                : Optional.empty();
        Subject subject = Subjects.subject(body.object("subject"));
        // The shape admits only a true goodFaith and an http(s) URL as location.
        Command.SubmitNotice command = new Command.SubmitNotice(subject, source, contact, body.text("explanation"),
                new Location(body.text("location")), GoodFaith.AFFIRMED);
        return Commands.carryOut(process, call, command, Intake::noticePath,
                events -> Answer.json(201, received(events, subject).build()).withHeader("Location", caseLink(events)));
    }

    /** The body of a batch of notices. */
    static final Shape NOTICES = Batches.of(NOTICE, "Up to " + Batches.MAX_ITEMS + " notices, each received on its own.");

    /** What a batch of notices answers. */
    static final Shape.Obj NOTICES_RECEIVED = Batches.answered(RECEIVED);

    /** {@code POST /v1/notices:batch}: receives each notice of the batch as {@link #notice} would. */
    public Answer notices(Call call) throws Exception {
        return Batches.run(call, NOTICE, this::notice);
    }

    /** {@code POST /v1/authority-requests}: registers an authority's order or request. */
    public Answer authorityRequest(Call call) {
        Fields body = call.body();
        Fields authority = body.object("authority");
        Subject subject = Subjects.subject(body.object("subject"));
        Command.RegisterAuthorityRequest command = new Command.RegisterAuthorityRequest(subject,
                AuthorityKind.valueOf(body.text("kind").toUpperCase(Locale.ROOT)),
                new Authority(authority.text("name"), new CountryCode(authority.text("country"))),
                new LegalBasis(body.text("legalBasis")),
                body.optionalObject("contact").map(c -> new Contact(c.text("name"), c.text("email"))),
                body.text("explanation"),
                body.optionalObject("legalHold").map(h -> new LegalHold(Instant.parse(h.text("until")), h.text("reason"))));
        return Commands.carryOut(process, call, command, Intake::authorityPath, events -> {
            AuthorityEvent.AuthorityRequestRegistered registered =
                    Commands.first(events, AuthorityEvent.AuthorityRequestRegistered.class).orElseThrow().event();
            Json.ObjBuilder answer = received(events, subject)
                    .put("request", registered.request().toString())
                    .put("disclosed", Json.of(Commands.first(events, AuthorityEvent.AuthorityRequestDisclosed.class).isPresent()));
            return Answer.json(201, answer.build()).withHeader("Location", caseLink(events));
        });
    }

    private Json.ObjBuilder received(List<RecordedEvent> events, Subject subject) {
        Commands.Stored<CaseEvent.NoticeReceived> received = Commands.first(events, CaseEvent.NoticeReceived.class).orElseThrow();
        CaseEvent.NoticeReceived notice = received.event();
        return received.logged(Json.object()
                .put("notice", notice.notice().id().toString())
                .put("case", notice.caseId().toString())
                .put("receivedAt", notice.at().toString()))
                .put("confirmation", "Received " + notice.at() + ": the notice about " + subject.ref() + " is registered as "
                        + notice.notice().id() + " and will be decided; its entry in the public log is " + received.position() + ".")
                .put("notifierPage", links.noticePage(notice.notice().id()).getRawPath());
    }

    private static String caseLink(List<RecordedEvent> events) {
        return "/v1/cases/" + Commands.first(events, CaseEvent.NoticeReceived.class).orElseThrow().event().caseId();
    }

    /** The request's path of a field the core names in a notice. */
    private static String noticePath(String field) {
        return switch (field) {
            case "source" -> "$.notifier";
            default -> "$." + field;
        };
    }

    /** The request's path of a field the core names in an authority request. */
    private static String authorityPath(String field) {
        return "$." + field;
    }
}
