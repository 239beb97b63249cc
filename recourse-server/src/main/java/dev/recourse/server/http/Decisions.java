package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.distinct;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.server.page.PageTargets;
import java.sql.SQLException;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionMonetary;
import dev.recourse.core.statement.DecisionProvision;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaCode;
import dev.recourse.core.statement.DsaField;
import dev.recourse.core.statement.DsaForm;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.statement.YesNo;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.server.http.auth.Principal;
import dev.recourse.server.page.PageLinks;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/decisions}: a moderator decides a case: restricts, with a statement of reasons, or takes no action,
 * with reasons for the notifiers. The core refuses a statement that is incomplete; a high-impact decision becomes a
 * proposal that a second person approves.
 */
public final class Decisions {
    /** One restriction to apply: one measure, where, until when. */
    static final Shape RESTRICTION = object("A restriction: exactly one of visibility, monetary, service, account.",
            optional("visibility", codes("Restricts the content's visibility.", DecisionVisibility.values())),
            optional("monetary", codes("Restricts monetary payments.", DecisionMonetary.values())),
            optional("service", codes("Suspends or ends the provision of the service.", DecisionProvision.values())),
            optional("account", codes("Suspends or ends the account.", DecisionAccount.values())),
            optional("other", text(1, 500, "What the measure is, for DECISION_VISIBILITY_OTHER and DECISION_MONETARY_OTHER only.")),
            optional("territory", distinct(formatted(Format.COUNTRY, 2, "A country, ISO 3166-1 alpha-2."), 1, 250,
                    "Where it applies; everywhere when absent.")),
            optional("endsAt", formatted(Format.DATE_TIME, 40, "When it ends by itself; indefinite when absent.")))
            .exactlyOne("visibility", "monetary", "service", "account");

    /** The restrictions of a decision. */
    static final Shape RESTRICTIONS = list(RESTRICTION, 1, 10, "What is done: at least one restriction.");

    private static final Map<DsaField, Json.Obj> STATED = stated();

    /**
     * The reasons a decider states: the statement-of-reasons fields of {@link Reasons#STATED}, with the DSA
     * Transparency Database's names and spellings. The rest of the statement follows from the case and is filled in.
     */
    static final Shape REASONS = new Shape.Delegated(reasonsSchema(), Decisions::checkReasons);

    /** The body of a decision. */
    static final Shape DECISION = object("A decision about a case: exactly one of restrict and noAction.",
            required("subject", Subjects.REF),
            optional("notices", distinct(Commands.ID, 0, 1_000, "The notices it answers.")),
            optional("detections", distinct(Commands.ID, 0, 1_000, "The detections it relied on.")),
            optional("restrict", object("Restrict the subject, for the reasons stated.",
                    required("restrictions", RESTRICTIONS),
                    required("reasons", REASONS))),
            optional("noAction", object("Take no action; the reasons go to the notifiers.",
                    required("reasons", prose(1, 20_000, "Why nothing is done.")))))
            .exactlyOne("restrict", "noAction");

    /** What a decision's answer holds. */
    static final Shape.Obj DECIDED = object("The decision as recorded.",
            required("decision", Commands.ID),
            required("case", Commands.ID),
            required("status", choice("taken: in effect; proposed: waits for a second person's approval (high impact).",
                    List.of("taken", "proposed"))),
            optional("why", prose(1, 1_000, "Why it is only proposed.")),
            required("at", formatted(Format.DATE_TIME, 40, "When it was recorded.")),
            Commands.POSITION,
            Commands.RECEIPT,
            optional("noticePage", text(1, 200, "The affected person's notice page of the decision, once taken: the"
                    + " statement of reasons, the redress options, the appeal form and the receipt, open without a key at"
                    + " this unguessable link (see docs/notice-pages.md).")));

    /** What reversing a decision outside an appeal takes. */
    static final Shape REVERSAL = object("Why the decision is reversed; the affected person and the notifiers read it.",
            required("reasons", prose(1, 20_000, "Why the decision was wrong, for the affected person and the record.")));

    /** What reversing a decision answers. */
    static final Shape.Obj REVERSED = object("The reversal as recorded.",
            required("decision", Commands.ID),
            required("case", Commands.ID),
            required("lifted", list(Commands.ID, 1, 1_000, "The restrictions it lifted; the platform is told to restore each.")),
            required("reversedAt", formatted(Format.DATE_TIME, 40, "When it was reversed.")),
            Commands.POSITION,
            Commands.RECEIPT);

    private final DueProcess process;
    private final PageLinks links;
    private final PageTargets targets;
    private final EventStore events;

    /**
     * The decisions of {@code process}, whose pages {@code links} names; {@code targets} finds the case of a decision
     * in {@code events}.
     */
    public Decisions(DueProcess process, PageLinks links, PageTargets targets, EventStore events) {
        this.process = process;
        this.links = links;
        this.targets = targets;
        this.events = events;
    }

    /**
     * {@code POST /v1/decisions/{id}/reversal}: a senior moderator or an administrator reverses a decision on their own
     * initiative, outside any appeal.
     */
    public Answer reverse(Call call) throws SQLException {
        Optional<DecisionId> decision = call.uuidParameter("id").map(DecisionId::new);
        Optional<SubjectRef> subject = Optional.empty();
        if (decision.isPresent()) {
            Optional<PageTargets.Target> target = targets.decision(decision.get());
            if (target.isPresent()) {
                subject = events.read(target.get().stream()).stream().map(RecordedEvent::event)
                        .flatMap(e -> e instanceof CaseEvent.CaseOpened opened ? java.util.stream.Stream.of(opened.subject())
                                : java.util.stream.Stream.empty())
                        .findFirst();
            }
        }
        if (subject.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no decision " + call.pathParameter("id") + " was taken"));
        }
        Command.ReverseDecision command = new Command.ReverseDecision(subject.get(), decision.get(),
                RuleSafeguards.person(call.caller()), call.body().text("reasons"));
        return Commands.carryOut(process, call, command, Decisions::reversalPath, Decisions::reversed);
    }

    private static Answer reversed(List<RecordedEvent> events) {
        Commands.Stored<CaseEvent.RestrictionLifted> first = Commands.first(events, CaseEvent.RestrictionLifted.class).orElseThrow();
        CaseEvent.RestrictionLifted l = first.event();
        List<String> lifted = events.stream().map(RecordedEvent::event).filter(CaseEvent.RestrictionLifted.class::isInstance)
                .map(e -> ((CaseEvent.RestrictionLifted) e).restriction().toString()).toList();
        Json.ObjBuilder answer = Json.object()
                .put("decision", l.decision().toString())
                .put("case", l.caseId().toString())
                .put("lifted", Json.strings(lifted))
                .put("reversedAt", l.at().toString());
        return Answer.json(200, first.logged(answer).build());
    }

    /** The request's path of a field the core names in a reversal. */
    private static String reversalPath(String field) {
        return switch (field) {
            case "subject", "decision" -> "id";
            case "person" -> "Authorization";
            default -> "$." + field;
        };
    }

    /** {@code POST /v1/decisions}. */
    public Answer decide(Call call) {
        Fields body = call.body();
        Command.Plan plan;
        if (body.has("restrict")) {
            Fields restrict = body.object("restrict");
            Validation<List<PlannedRestriction>> restrictions = planned(restrict.objects("restrictions"), "$.restrict.restrictions");
            if (!restrictions.isValid()) {
                return call.answer(Problems.invalid(restrictions.errors()));
            }
            plan = new Command.Plan.Restrict(restrictions.orElseThrow(), reasons(restrict.json("reasons")));
        } else {
            plan = new Command.Plan.TakeNoAction(body.object("noAction").text("reasons"));
        }
        Command.Decide command = new Command.Decide(Subjects.ref(body.object("subject")),
                body.texts("notices").stream().map(id -> new NoticeId(UUID.fromString(id))).collect(Collectors.toSet()),
                body.texts("detections").stream().map(id -> new DetectionId(UUID.fromString(id))).collect(Collectors.toSet()),
                new Command.DecidedBy.Moderator(person(call.caller())), plan);
        return Commands.carryOut(process, call, command, Decisions::path, this::decided);
    }

    private Answer decided(List<RecordedEvent> events) {
        Optional<Commands.Stored<CaseEvent.DecisionTaken>> taken = Commands.first(events, CaseEvent.DecisionTaken.class);
        Json.ObjBuilder answer = Json.object();
        String caseId;
        if (taken.isPresent()) {
            CaseEvent.DecisionTaken t = taken.get().event();
            caseId = t.caseId().toString();
            taken.get().logged(answer.put("decision", t.decision().id().toString()).put("case", caseId).put("status", "taken")
                    .put("at", t.at().toString()).put("noticePage", links.decisionPage(t.decision().id()).getRawPath()));
        } else {
            Commands.Stored<CaseEvent.DecisionProposed> proposed = Commands.first(events, CaseEvent.DecisionProposed.class).orElseThrow();
            CaseEvent.DecisionProposed p = proposed.event();
            caseId = p.caseId().toString();
            proposed.logged(answer.put("decision", p.proposal().toString()).put("case", caseId).put("status", "proposed")
                    .put("why", p.why()).put("at", p.at().toString()));
        }
        return Answer.json(taken.isPresent() ? 201 : 202, answer.build()).withHeader("Location", "/v1/cases/" + caseId);
    }

    /** The person a key's holder is in a decision: their pseudonym, in the role their key has. */
    static Person person(Principal caller) {
        Role role = switch (caller.role()) {
            case MODERATOR -> Role.MODERATOR;
            case SENIOR_MODERATOR -> Role.SENIOR_MODERATOR;
            case APPEAL_REVIEWER -> Role.APPEAL_REVIEWER;
            case PLATFORM, POLICY_AUTHOR, AUDITOR, ADMIN ->
                    throw new IllegalStateException("a key in role " + caller.role() + " decides nothing; the route MUST NOT admit it");
        };
        return new Person(caller.name(), role);
    }

    /** The restrictions as planned, or the fields whose measure and text do not go together. */
    static Validation<List<PlannedRestriction>> planned(List<Fields> restrictions, String at) {
        List<FieldError> errors = new ArrayList<>();
        List<PlannedRestriction> planned = new ArrayList<>();
        for (int i = 0; i < restrictions.size(); i++) {
            Fields r = restrictions.get(i);
            String here = at + "[" + i + "]";
            boolean other = r.optionalText("visibility").filter(DecisionVisibility.DECISION_VISIBILITY_OTHER.name()::equals).isPresent()
                    || r.optionalText("monetary").filter(DecisionMonetary.DECISION_MONETARY_OTHER.name()::equals).isPresent();
            if (other != r.has("other")) {
                errors.add(new FieldError(here + ".other", other ? "is required: it says what the other measure is"
                        : "is only for DECISION_VISIBILITY_OTHER and DECISION_MONETARY_OTHER"));
                continue;
            }
            Optional<String> text = r.optionalText("other");
            Measure measure = r.has("visibility") ? new Measure.Visibility(DecisionVisibility.valueOf(r.text("visibility")), text)
                    : r.has("monetary") ? new Measure.Monetary(DecisionMonetary.valueOf(r.text("monetary")), text)
                    : r.has("service") ? new Measure.Service(DecisionProvision.valueOf(r.text("service")))
                    : new Measure.Account(DecisionAccount.valueOf(r.text("account")));
            TerritorialScope scope = r.has("territory")
                    ? new TerritorialScope.Countries(r.texts("territory").stream().map(CountryCode::new).collect(Collectors.toSet()))
                    : TerritorialScope.EVERYWHERE;
            planned.add(new PlannedRestriction(measure, scope, r.optionalText("endsAt").map(Instant::parse)));
        }
        return Validation.of(errors, () -> planned);
    }

    /** Reasons whose shape held. */
    static Reasons reasons(Json form) {
        return new Reasons(DsaForm.parse((Json.Obj) form).orElseThrow());
    }

    /** The request's path of a field the core names in a decision. */
    private static String path(String field) {
        return switch (field) {
            case "subject", "notices", "detections" -> "$." + field;
            case "plan.reasons" -> "$.noAction.reasons";
            case "restrictions" -> "$.restrict.restrictions";
            default -> statementPath(field, "$.restrict");
        };
    }

    /**
     * Where a statement field the core names is in a request whose restrictions and reasons are under {@code at}:
     * the fields the decider states under {@code reasons}; the ones derived from the restrictions, the subject
     * and the deciders at {@code at} itself.
     */
    static String statementPath(String field, String at) {
        boolean stated = DsaField.named(field).filter(STATED::containsKey).isPresent();
        return stated ? at + ".reasons." + field : at;
    }

    private static void checkReasons(Json value, JsonPath at, List<FieldError> errors) {
        if (!(value instanceof Json.Obj form)) {
            errors.add(new FieldError(at.toString(), "is an object of statement-of-reasons fields"));
            return;
        }
        Json.ObjBuilder stated = Json.object();
        form.members().forEach((name, member) -> {
            boolean derived = DsaField.named(name).filter(f -> !STATED.containsKey(f)).isPresent();
            if (derived) {
                errors.add(new FieldError(at.member(name).toString(),
                        "is filled in by Recourse from the case, the restrictions and the deciders; leave it out"));
            } else {
                stated.put(name, member);
            }
        });
        DsaForm.parse(stated.build()).errors().forEach(e -> errors.add(new FieldError(at.member(e.field()).toString(), e.problem())));
    }

    private static Shape codes(String description, DsaCode[] values) {
        return choice(description, Arrays.stream(values).map(DsaCode::dsaValue).toList());
    }

    private static Map<DsaField, Json.Obj> stated() {
        Map<DsaField, Json.Obj> schemas = new EnumMap<>(DsaField.class);
        Json.Obj text = Json.object().put("type", "string").put("minLength", Json.of(1)).build();
        for (DsaField f : List.of(DsaField.ILLEGAL_CONTENT_LEGAL_GROUND, DsaField.ILLEGAL_CONTENT_EXPLANATION,
                DsaField.INCOMPATIBLE_CONTENT_GROUND, DsaField.INCOMPATIBLE_CONTENT_EXPLANATION, DsaField.DECISION_GROUND_REFERENCE_URL,
                DsaField.CONTENT_TYPE_OTHER, DsaField.CATEGORY_SPECIFICATION_OTHER, DsaField.DECISION_FACTS)) {
            schemas.put(f, text);
        }
        schemas.put(DsaField.DECISION_GROUND, enumSchema(DecisionGround.values()));
        schemas.put(DsaField.INCOMPATIBLE_CONTENT_ILLEGAL, enumSchema(YesNo.values()));
        schemas.put(DsaField.CATEGORY, enumSchema(Category.values()));
        schemas.put(DsaField.CONTENT_TYPE, arraySchema(ContentType.values()));
        schemas.put(DsaField.CATEGORY_ADDITION, arraySchema(Category.values()));
        schemas.put(DsaField.CATEGORY_SPECIFICATION, arraySchema(Keyword.values()));
        schemas.put(DsaField.CONTENT_ID, Json.object().put("type", "object")
                .put("properties", Json.object().put("EAN-13", Json.object().put("type", "string")
                        .put("pattern", "^[0-9]{13}$").build()).build())
                .put("required", Json.strings(List.of("EAN-13"))).put("additionalProperties", Json.of(false)).build());
        if (!schemas.keySet().equals(Reasons.STATED)) {
            throw new IllegalStateException("the reasons' schema MUST describe exactly the stated fields " + Reasons.STATED);
        }
        return schemas;
    }

    private static Json.Obj enumSchema(DsaCode[] values) {
        return Json.object().put("type", "string").put("enum", Json.strings(Arrays.stream(values).map(DsaCode::dsaValue).toList())).build();
    }

    private static Json.Obj arraySchema(DsaCode[] values) {
        return Json.object().put("type", "array").put("items", enumSchema(values)).put("uniqueItems", Json.of(true)).build();
    }

    private static Json.Obj reasonsSchema() {
        Json.ObjBuilder properties = Json.object();
        STATED.forEach((field, schema) -> properties.put(field.dsaName(), schema));
        return Json.object()
                .put("type", "object")
                .put("description", "The statement of reasons' fields a decider states, named and spelled as the DSA"
                        + " Transparency Database names them (schema v2). Recourse fills in the rest from the case, the"
                        + " restrictions and the deciders, and refuses a statement the database would refuse.")
                .put("properties", properties.build())
                .put("additionalProperties", Json.of(false))
                .build();
    }
}
