package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.flag;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.FieldError;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.safeguard.CircuitBreakers;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.http.auth.Principal;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import dev.recourse.core.Validation;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.Result;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.store.safeguard.RecallProgress;
import dev.recourse.store.safeguard.RecallTarget;
import dev.recourse.store.safeguard.RecallView;
import dev.recourse.store.safeguard.Recalls;
import dev.recourse.store.safeguard.RuleFigures;
import dev.recourse.store.safeguard.Safeguards;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The safeguards of automated rules: their circuit breakers ({@code GET /v1/breakers}, {@code POST
 * /v1/breakers/{rule}/reset}), recalls ({@code POST /v1/recalls}, carried out in the background, and {@code GET
 * /v1/recalls}, {@code GET /v1/recalls/{id}} to follow them) and each rule version's figures for the transparency pages
 * ({@code GET /v1/rules/{rule}/stats}). A rule version in a path is {@code id@version}.
 */
public final class RuleSafeguards {
    private static final Shape RULE = Shape.matching("[A-Za-z0-9._/-]{1,128}@[A-Za-z0-9._+-]{1,64}", 193,
            "A rule version, id@version.");
    private static final Shape NUMBER = new Shape.Delegated(Json.object().put("type", "number")
            .put("description", "A number.").build(), (value, at, errors) -> { });
    private static final Shape TIME = formatted(Format.DATE_TIME, 40, "An instant in UTC.");

    /** The figures of a trip. */
    static final Shape.Obj TRIP = object("The figures that tripped the breaker, as they stood at the action that tripped it.",
            required("cause", choice("cap: more actions in a minute than the cap; rate: far more than the learned baseline;"
                    + " cohort: too many subjects of one owner, network or page within the window.", List.of("CAP", "RATE", "COHORT"))),
            required("rate", whole(1, Json.Num.MAX_EXACT, "Actions in that minute, the tripping one included.")),
            required("baseline", NUMBER),
            required("history_minutes", whole(0, Json.Num.MAX_EXACT, "Minutes the baseline had learned from.")),
            required("threshold", NUMBER),
            required("cap", whole(1, Json.Num.MAX_EXACT, "The absolute cap of actions a minute.")),
            required("cohort_subjects", whole(0, Json.Num.MAX_EXACT, "Subjects of the cohort acted on within the window.")),
            required("cohort_limit", whole(1, Json.Num.MAX_EXACT, "How many subjects of one cohort trip the breaker.")),
            required("cohort_window", text(1, 40, "The cohort check's window, ISO-8601.")),
            optional("cohort", choice("Which cohort cohort_subjects counts (the one that tripped the cohort check, else the"
                    + " subject's largest): its owner's, its network's or its page's. Absent in trips recorded before cohorts"
                    + " were told apart (the owner's).", List.of("owner", "network", "page"))));

    /** One breaker. */
    static final Shape.Obj BREAKER = object("A rule version's circuit breaker.",
            required("rule", RULE),
            required("tripped", flag("Whether its enforcing actions are only proposed until a person resets it.")),
            optional("trippedAt", TIME),
            optional("trip", TRIP),
            required("trips", whole(0, Json.Num.MAX_EXACT, "How often it tripped.")),
            optional("lastReset", object("The last reset.", required("at", TIME),
                    required("person", text(1, 200, "Who reset it: pseudonym and role.")),
                    required("reasons", prose(1, 20_000, "Why.")))),
            optional("learned", object("What the breaker learned, as every process counts it (absent before the rule version acted).",
                    required("baseline", NUMBER),
                    required("historyMinutes", whole(0, Json.Num.MAX_EXACT, "Minutes learned from.")),
                    required("currentMinute", whole(0, Json.Num.MAX_EXACT, "Actions in the current minute.")),
                    required("threshold", NUMBER))));

    /** Every breaker. */
    static final Shape.Obj BREAKERS = object("Every rule version's circuit breaker, by rule version.",
            required("breakers", list(BREAKER, 0, 100_000, "The breakers.")));

    /** The body of a reset. */
    static final Shape RESET = object("Why the breaker may let the rule version enforce again.",
            required("reasons", prose(1, 20_000, "Why: what a person checked.")));

    /** The answer to a reset. */
    static final Shape.Obj RESET_DONE = object("The reset as recorded.",
            required("rule", RULE),
            required("tripped", flag("false: the rule version enforces again.")),
            required("at", TIME),
            Commands.POSITION,
            Commands.RECEIPT);

    /** The body of a recall. */
    static final Shape RECALL = object("A recall of what a rule version did.",
            required("rule", RULE),
            optional("from", formatted(Format.DATE_TIME, 40, "Recall its decisions from this instant on (inclusive).")),
            optional("to", formatted(Format.DATE_TIME, 40, "Recall its decisions before this instant (exclusive).")),
            optional("dryRun", flag("Only list what would be lifted; change nothing.")),
            optional("reasons", prose(1, Command.StartRecall.MAX_REASONS, "Why, as each affected person is told on their page and"
                    + " in their message; required unless dryRun.")),
            optional("apology", prose(1, Command.StartRecall.MAX_APOLOGY, "The apology each affected person is given on their page"
                    + " and in their message, in place of a fixed one; required unless dryRun.")));

    /** What a recall lifts or would lift. */
    static final Shape.Obj TARGET = object("A restriction the recall lifts.",
            required("subject", Subjects.REF),
            required("restriction", Commands.ID),
            required("decision", Commands.ID),
            required("decidedAt", TIME),
            required("measure", text(1, 100, "The DSA value of its measure.")));

    /** The answer to a dry run, or to a recall when nothing stands. */
    static final Shape.Obj RECALLED = object("What a dry run would lift, or that nothing stands.",
            required("rule", RULE),
            required("status", choice("dry-run: nothing changed, restrictions lists what would be lifted; nothing-stands:"
                    + " nothing of the rule version in that time stands, nothing was started.", List.of("dry-run", "nothing-stands"))),
            required("subjects", whole(0, Json.Num.MAX_EXACT, "Subjects that would be taken care of.")),
            required("lifted", whole(0, Json.Num.MAX_EXACT, "Restrictions that would be lifted.")),
            optional("restrictions", list(TARGET, 0, 1_000_000, "For a dry run: what would be lifted.")));

    /** A recall and how far it is. */
    static final Shape.Obj RECALL_STATE = object("A recall and how far it is.",
            required("recall", Commands.ID),
            required("rule", RULE),
            optional("from", TIME),
            optional("to", TIME),
            required("state", choice("running: being carried out (or waiting to be taken up again after a stop); done: every"
                    + " restriction it covers is lifted; failed: its last run failed (see failure), the next start of the"
                    + " service takes it up again.", List.of("running", "done", "failed"))),
            optional("failure", prose(1, 20_000, "Why its last run failed, while the state is failed.")),
            optional("toReverse", whole(0, Json.Num.MAX_EXACT, "Restrictions that stood to be lifted when it started (absent"
                    + " for recalls started before this was kept).")),
            required("reversed", whole(0, Json.Num.MAX_EXACT, "Restrictions it lifted so far. Fewer than toReverse when done if"
                    + " an appeal or a correction lifted some first.")),
            required("startedAt", TIME),
            optional("completedAt", TIME),
            optional("resumed", flag("In the answer to a request: whether it took up an unfinished recall of the same rule"
                    + " version and time.")));

    /** A page of recalls. */
    static final Shape RECALLS = Keys.page(RECALL_STATE, "Recalls in the order they were started.");

    /** A rule version's figures. */
    static final Shape.Obj STATS = object("A rule version's figures, for the transparency pages.",
            required("rule", RULE),
            required("actions", whole(0, Json.Num.MAX_EXACT, "Restrictive decisions it took part in.")),
            required("automated", whole(0, Json.Num.MAX_EXACT, "Of those, taken by it alone.")),
            required("proposals", whole(0, Json.Num.MAX_EXACT, "Decisions it proposed for people to approve.")),
            required("appealsFiled", whole(0, Json.Num.MAX_EXACT, "Appeals of its decisions.")),
            required("appealsDecided", whole(0, Json.Num.MAX_EXACT, "Appeals of its decisions decided.")),
            required("overturned", whole(0, Json.Num.MAX_EXACT, "Appeals that reversed or modified its decision.")),
            optional("overturnRate", NUMBER),
            required("trips", whole(0, Json.Num.MAX_EXACT, "How often its circuit breaker tripped.")),
            required("tripped", flag("Whether its breaker is tripped now.")),
            required("recalls", whole(0, Json.Num.MAX_EXACT, "Recalls of it.")),
            required("recalled", whole(0, Json.Num.MAX_EXACT, "Restrictions its recalls lifted.")),
            required("refused", whole(0, Json.Num.MAX_EXACT, "Its decisions refused on subjects a recall keeps from it.")));

    private final DueProcess process;
    private final Safeguards safeguards;
    private final Recalls recalls;
    private final BackgroundRecalls background;
    private final CircuitBreakers breakers;
    private final InstantSource clock;

    /**
     * The safeguards kept in {@code safeguards}, carried out through {@code process}; recalls carried out in the
     * background by {@code background}.
     */
    RuleSafeguards(DueProcess process, Safeguards safeguards, BackgroundRecalls background, CircuitBreakers breakers,
            InstantSource clock) {
        this.process = process;
        this.safeguards = safeguards;
        this.recalls = background.recalls();
        this.background = background;
        this.breakers = breakers;
        this.clock = clock;
    }

    /** The recalls carried out in the background. */
    BackgroundRecalls background() {
        return background;
    }

    /** {@code GET /v1/breakers}. */
    public Answer breakers(Call call) {
        Instant now = clock.instant();
        List<Json> all = safeguards.all().stream().<Json>map(f -> breaker(f, now)).toList();
        return Answer.json(200, Json.object().put("breakers", all).build());
    }

    private Json breaker(RuleFigures f, Instant now) {
        Json.ObjBuilder b = Json.object().put("rule", f.rule().toString()).put("tripped", Json.of(f.tripped()));
        f.trippedAt().ifPresent(at -> b.put("trippedAt", at.toString()));
        f.lastTrip().filter(t -> f.tripped()).ifPresent(t -> b.put("trip", Json.parse(t).orElseThrow()));
        b.put("trips", Json.of(f.trips()));
        f.lastReset().ifPresent(r -> b.put("lastReset", Json.object().put("at", r.at().toString()).put("person", r.person())
                .put("reasons", r.reasons()).build()));
        breakers.learned(f.rule(), now).ifPresent(l -> b.put("learned", Json.object().put("baseline", Json.of(l.baseline()))
                .put("historyMinutes", Json.of(l.history())).put("currentMinute", Json.of(l.currentMinute()))
                .put("threshold", Json.of(l.threshold())).build()));
        return b.build();
    }

    /** {@code POST /v1/breakers/{rule}/reset}. */
    public Answer reset(Call call) {
        Optional<Versioned> rule = rule(call.pathParameter("rule"));
        if (rule.isEmpty()) {
            return call.answer(Problems.invalid(List.of(new FieldError("rule", "is not a rule version id@version: "
                    + call.pathParameter("rule")))));
        }
        Command.ResetBreaker command = new Command.ResetBreaker(rule.get(), person(call.caller()), call.body().text("reasons"));
        return Commands.carryOut(process, call, command, field -> "rule".equals(field) ? "rule" : "$." + field, events -> {
            Commands.Stored<RuleEvent.BreakerReset> reset = Commands.first(events, RuleEvent.BreakerReset.class).orElseThrow();
            return Answer.json(200, reset.logged(Json.object().put("rule", reset.event().rule().toString()).put("tripped", Json.of(false))
                    .put("at", reset.event().at().toString())).build());
        });
    }

    /** {@code POST /v1/recalls}. */
    public Answer recall(Call call) {
        Fields body = call.body();
        Optional<Versioned> rule = rule(body.text("rule"));
        if (rule.isEmpty()) {
            return call.answer(Problems.invalid(List.of(new FieldError("$.rule", "is not a rule version id@version"))));
        }
        Optional<Instant> from = body.optionalText("from").map(Instant::parse);
        Optional<Instant> to = body.optionalText("to").map(Instant::parse);
        boolean dryRun = body.has("dryRun") && body.flag("dryRun");
        if (dryRun) {
            List<RecallTarget> targets = recalls.dryRun(rule.get(), from, to);
            return Answer.json(200, Json.object().put("rule", rule.get().toString()).put("status", "dry-run")
                    .put("subjects", Json.of(targets.stream().map(RecallTarget::subject).distinct().count()))
                    .put("lifted", Json.of(targets.size()))
                    .put("restrictions", targets.stream().<Json>map(RuleSafeguards::target).toList()).build());
        }
        List<FieldError> missing = java.util.stream.Stream.of("reasons", "apology").filter(f -> !body.has(f))
                .map(f -> new FieldError("$." + f, "is required unless dryRun is true")).toList();
        if (!missing.isEmpty()) {
            return call.answer(Problems.invalid(missing));
        }
        Optional<RecallView> unfinished = recalls.unfinished(rule.get(), from, to);
        if (unfinished.isPresent()) {
            background.carryOut(unfinished.get(), true);
            RecallProgress.Status status = recalls.progress().of(unfinished.get().recall()).orElseThrow();
            return accepted(state(status).put("resumed", Json.of(true)), status.recall().recall());
        }
        List<RecallTarget> targets = recalls.dryRun(rule.get(), from, to);
        if (targets.isEmpty()) {
            return Answer.json(200, Json.object().put("rule", rule.get().toString())
                    .put("status", "nothing-stands").put("subjects", Json.of(0)).put("lifted", Json.of(0)).build());
        }
        Recalls.Request request = new Recalls.Request(rule.get(), from, to, person(call.caller()), body.text("reasons"), body.text("apology"));
        Function<List<RecordedEvent>, Answer> started = events -> {
            RuleEvent.RecallStarted s = Commands.first(events, RuleEvent.RecallStarted.class).orElseThrow().event();
            Json.ObjBuilder state = Json.object().put("recall", s.recall().toString()).put("rule", s.rule().toString());
            s.from().ifPresent(t -> state.put("from", t.toString()));
            s.to().ifPresent(t -> state.put("to", t.toString()));
            return accepted(state.put("state", "running").put("toReverse", Json.of(targets.size())).put("reversed", Json.of(0))
                    .put("startedAt", s.at().toString()).put("resumed", Json.of(false)), s.recall());
        };
        return switch (call.carryingOut(started, () -> recalls.begin(request, targets.size()))) {
            case Result.Accepted a -> {
                background.carryOut(safeguards.recall(Recalls.started(a.events())).orElseThrow(), false);
                yield started.apply(a.events());
            }
            case Result.Rejected r -> call.answer(Problems.invalid(r.errors().stream()
                    .map(e -> new FieldError("$." + e.field(), e.problem())).toList()));
            case Result.Contended c -> call.answer(Problems.contended(c));
        };
    }

    /** 202 with {@code state}, and where to follow the recall. */
    private static Answer accepted(Json.ObjBuilder state, RecallId recall) {
        return Answer.json(202, state.build()).withHeader("Location", "/v1/recalls/" + recall);
    }

    /** {@code GET /v1/recalls/{id}}: a recall and how far it is. */
    public Answer recallState(Call call) {
        Optional<RecallProgress.Status> found = call.uuidParameter("id").map(RecallId::new).flatMap(recalls.progress()::of);
        if (found.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no recall " + call.pathParameter("id")));
        }
        return Answer.json(200, state(found.get()).build());
    }

    /** {@code GET /v1/recalls}: the recalls in the order they were started, by cursor. */
    public Answer recallList(Call call) {
        Validation<Call.PageRequest> page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        int limit = page.orElseThrow().limit();
        OptionalLong after = page.orElseThrow().cursor().map(c -> OptionalLong.of(c.after())).orElse(OptionalLong.empty());
        List<RecallProgress.Status> found = recalls.progress().list(after, limit + 1);
        List<Json> items = found.stream().limit(limit).<Json>map(s -> state(s).build()).toList();
        Optional<Cursor> next = found.size() > limit ? Optional.of(new Cursor(found.get(limit - 1).number())) : Optional.empty();
        return call.page(items, next, limit);
    }

    private static Json.ObjBuilder state(RecallProgress.Status status) {
        RecallView r = status.recall();
        Json.ObjBuilder b = Json.object().put("recall", r.recall().toString()).put("rule", r.rule().toString());
        r.from().ifPresent(t -> b.put("from", t.toString()));
        r.to().ifPresent(t -> b.put("to", t.toString()));
        b.put("state", status.state().name().toLowerCase(Locale.ROOT));
        status.failure().ifPresent(f -> b.put("failure", f));
        status.toReverse().ifPresent(n -> b.put("toReverse", Json.of(n)));
        b.put("reversed", Json.of(r.lifted())).put("startedAt", r.startedAt().toString());
        r.completedAt().ifPresent(t -> b.put("completedAt", t.toString()));
        return b;
    }

    /** {@code GET /v1/rules/{rule}/stats}. */
    public Answer stats(Call call) {
        Optional<RuleFigures> found = rule(call.pathParameter("rule")).flatMap(safeguards::of);
        if (found.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no figures of rule version " + call.pathParameter("rule")));
        }
        RuleFigures f = found.get();
        Json.ObjBuilder stats = Json.object().put("rule", f.rule().toString()).put("actions", Json.of(f.actions()))
                .put("automated", Json.of(f.automated())).put("proposals", Json.of(f.proposals()))
                .put("appealsFiled", Json.of(f.appealsFiled())).put("appealsDecided", Json.of(f.appealsDecided()))
                .put("overturned", Json.of(f.overturned()));
        f.overturnRate().ifPresent(rate -> stats.put("overturnRate", Json.of(rate)));
        return Answer.json(200, stats.put("trips", Json.of(f.trips())).put("tripped", Json.of(f.tripped()))
                .put("recalls", Json.of(f.recalls())).put("recalled", Json.of(f.recalled())).put("refused", Json.of(f.refused())).build());
    }

    private static Json target(RecallTarget t) {
        return Json.object().put("subject", Subjects.json(t.subject())).put("restriction", t.restriction().toString())
                .put("decision", t.decision().toString()).put("decidedAt", t.decidedAt().toString()).put("measure", t.measure()).build();
    }

    private static Optional<Versioned> rule(String text) {
        try {
            return Optional.of(Versioned.parse(text));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    /** The person a senior moderator's or an administrator's key's holder is, when they reset or recall. */
    static Person person(Principal caller) {
        return caller.role() == ApiRole.ADMIN ? new Person(caller.name(), Role.ADMINISTRATOR) : Decisions.person(caller);
    }
}
