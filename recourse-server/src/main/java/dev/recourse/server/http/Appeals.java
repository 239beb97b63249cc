package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.FieldError;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.command.Command;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.DueProcess;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.store.projection.Page;
import dev.recourse.store.projection.PendingAppeal;
import dev.recourse.store.projection.ReadModel;
import java.sql.SQLException;
import java.util.Map;
import dev.recourse.core.subject.AccountId;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appeals (internal complaints, DSA Art. 20): the platform files one for the affected person or a notifier; a person
 * who took no part in the decision decides it, with reasons.
 */
public final class Appeals {
    /** The body of an appeal. */
    static final Shape APPEAL = object("An appeal of a decision.",
            required("subject", Subjects.REF),
            required("decision", formatted(Format.UUID, 36, "The decision appealed.")),
            required("appellant", object("Who appeals: exactly one of affectedPerson and notice.",
                    optional("affectedPerson", text(1, 500, "The account the decision acted against: the subject's owner.")),
                    optional("notice", formatted(Format.UUID, 36, "The notice whose sender appeals; the decision answered it.")))
                    .exactlyOne("affectedPerson", "notice")),
            required("grounds", prose(1, 20_000, "Why, in the appellant's words.")));

    /** What filing an appeal answers. */
    static final Shape.Obj FILED = object("The appeal as filed.",
            required("appeal", Commands.ID),
            required("case", Commands.ID),
            required("decision", Commands.ID),
            required("filedAt", formatted(Format.DATE_TIME, 40, "When it was filed.")),
            Commands.POSITION,
            Commands.RECEIPT);

    /** An appeal waiting for a reviewer, and who works on it. */
    static final Shape.Obj PENDING = object("An appeal waiting for a reviewer.",
            required("appeal", Commands.ID),
            required("case", Commands.ID),
            required("subject", Subjects.REF),
            required("decision", Commands.ID),
            required("appellant", choice("Who appealed.", List.of("affected_person", "notifier"))),
            required("filedAt", formatted(Format.DATE_TIME, 40, "When it was filed.")),
            optional("claimedBy", Keys.NAME),
            optional("claimedUntil", formatted(Format.DATE_TIME, 40, "When the claim lapses unless renewed.")));

    /** A page of the appeals queue. */
    static final Shape QUEUE = Keys.page(PENDING, "Appeals waiting for a reviewer, oldest first.");

    /** The body of an appeal's decision. */
    static final Shape APPEAL_DECISION = object("How the appeal is decided, with reasons.",
            required("outcome", choice("upheld: the decision stands; reversed: it is undone and the subject restored;"
                    + " modified: it is replaced by the restrictions given.", List.of("upheld", "reversed", "modified"))),
            required("reasons", prose(1, 20_000, "Why, for the appellant and the record.")),
            optional("modified", object("The decision that replaces the one appealed; only with outcome modified.",
                    required("restrictions", Decisions.RESTRICTIONS),
                    required("reasons", Decisions.REASONS))));

    /** What deciding an appeal answers. */
    static final Shape.Obj APPEAL_DECIDED = object("The appeal's outcome as recorded.",
            required("appeal", Commands.ID),
            required("case", Commands.ID),
            required("outcome", choice("", List.of("upheld", "reversed", "modified"))),
            required("decidedAt", formatted(Format.DATE_TIME, 40, "When it was decided.")),
            optional("replacement", formatted(Format.UUID, 36, "The decision that replaces the one appealed, if modified.")),
            Commands.POSITION,
            Commands.RECEIPT);

    private final DueProcess process;
    private final ReadModel readModel;
    private final AppealClaims claims;
    private final ApiKeys keys;

    /**
     * The appeals of {@code process}, queued in {@code readModel}, claimed in {@code claims} by holders of {@code keys}.
     */
    public Appeals(DueProcess process, ReadModel readModel, AppealClaims claims, ApiKeys keys) {
        this.process = process;
        this.readModel = readModel;
        this.claims = claims;
        this.keys = keys;
    }

    /** {@code POST /v1/appeals}: files an appeal. */
    public Answer file(Call call) {
        Fields body = call.body();
        Fields appellant = body.object("appellant");
        Appellant who = appellant.has("affectedPerson")
                ? new Appellant.AffectedPerson(new AccountId(appellant.text("affectedPerson")))
                : new Appellant.Notifier(new NoticeId(UUID.fromString(appellant.text("notice"))));
        Command.FileAppeal command = new Command.FileAppeal(Subjects.ref(body.object("subject")),
                new DecisionId(UUID.fromString(body.text("decision"))), who, body.text("grounds"));
        return Commands.carryOut(process, call, command, field -> "$." + field, Appeals::filed);
    }

    /** {@code GET /v1/appeals}: the appeals waiting for a reviewer, oldest first, a page at a time. */
    public Answer queue(Call call) throws SQLException {
        var page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        Call.PageRequest request = page.orElseThrow();
        Page<PendingAppeal> pending = readModel.appeals(request.cursor().map(c -> new dev.recourse.store.projection.Cursor(c.after())),
                request.limit());
        Map<AppealId, AppealClaims.Claim> held = claims.holders(pending.items().stream().map(PendingAppeal::appeal).toList());
        List<Json> items = new java.util.ArrayList<>();
        for (PendingAppeal appeal : pending.items()) {
            items.add(json(appeal, Optional.ofNullable(held.get(appeal.appeal()))));
        }
        return call.page(items, pending.next().map(c -> new Cursor(c.position())), request.limit());
    }

    /**
     * {@code POST /v1/appeals/{id}/claim}: the caller takes the appeal from the queue to work on it (or renews their
     * claim), unless another reviewer's claim holds.
     */
    public Answer claim(Call call) throws SQLException {
        Optional<PendingAppeal> pending = pending(call);
        if (pending.isEmpty()) {
            return notPending(call);
        }
        AppealClaims.Claim claim = claims.claim(pending.get().appeal(), call.caller().keyId());
        if (!claim.apiKey().equals(call.caller().keyId())) {
            return claimedByAnother(call, claim);
        }
        return Answer.json(200, json(pending.get(), Optional.of(claim)));
    }

    /** {@code POST /v1/appeals/{id}/decision}: a person who took no part decides the appeal. */
    public Answer decide(Call call) throws SQLException {
        Optional<PendingAppeal> pending = pending(call);
        if (pending.isEmpty()) {
            return notPending(call);
        }
        Optional<AppealClaims.Claim> claim = claims.holder(pending.get().appeal());
        if (claim.isPresent() && !claim.get().apiKey().equals(call.caller().keyId())) {
            return claimedByAnother(call, claim.get());
        }
        Fields body = call.body();
        String outcome = body.text("outcome");
        if (outcome.equals("modified") != body.has("modified")) {
            return call.answer(Problems.invalid(List.of(new FieldError("$.modified",
                    outcome.equals("modified") ? "is required with outcome modified" : "is only for outcome modified"))));
        }
        AppealOutcome decided;
        switch (outcome) {
            case "upheld" -> decided = new AppealOutcome.Upheld(body.text("reasons"));
            case "reversed" -> decided = new AppealOutcome.Reversed(body.text("reasons"));
            default -> {
                Fields modified = body.object("modified");
                var restrictions = Decisions.planned(modified.objects("restrictions"), "$.modified.restrictions");
                if (!restrictions.isValid()) {
                    return call.answer(Problems.invalid(restrictions.errors()));
                }
                List<PlannedRestriction> planned = restrictions.orElseThrow();
                decided = new AppealOutcome.Modified(body.text("reasons"), planned, Decisions.reasons(modified.json("reasons")));
            }
        }
        Command.DecideAppeal command = new Command.DecideAppeal(pending.get().subject(), pending.get().appeal(),
                Decisions.person(call.caller()), decided, List.of());
        Answer answer = Commands.carryOut(process, call, command, Appeals::decisionPath, events -> appealDecided(events, outcome));
        if (answer.status() == 200) {
            claims.release(pending.get().appeal());
        }
        return answer;
    }

    private Optional<PendingAppeal> pending(Call call) {
        return call.uuidParameter("id").flatMap(id -> readModel.pendingAppeal(new AppealId(id)));
    }

    private static Answer notPending(Call call) {
        return call.answer(Problem.of(ProblemType.NOT_FOUND, "no appeal " + call.pathParameter("id") + " waits for a reviewer"));
    }

    private Answer claimedByAnother(Call call, AppealClaims.Claim claim) throws SQLException {
        String holder = keys.find(claim.apiKey()).map(k -> k.name().value()).orElse("another reviewer");
        return call.answer(Problem.of(ProblemType.ALREADY_CLAIMED, holder + " works on this appeal; the claim lapses at "
                + claim.until()));
    }

    private Json json(PendingAppeal appeal, Optional<AppealClaims.Claim> claim) throws SQLException {
        Json.ObjBuilder item = Json.object()
                .put("appeal", appeal.appeal().toString())
                .put("case", appeal.caseId().toString())
                .put("subject", Subjects.json(appeal.subject()))
                .put("decision", appeal.decision().toString())
                .put("appellant", Subjects.name(appeal.appellant()))
                .put("filedAt", appeal.filedAt().toString());
        if (claim.isPresent()) {
            Optional<String> holder = keys.find(claim.get().apiKey()).map(k -> k.name().value());
            holder.ifPresent(name -> item.put("claimedBy", name));
            item.put("claimedUntil", claim.get().until().toString());
        }
        return item.build();
    }

    private static Answer filed(List<RecordedEvent> events) {
        Commands.Stored<CaseEvent.AppealFiled> filed = Commands.first(events, CaseEvent.AppealFiled.class).orElseThrow();
        CaseEvent.AppealFiled f = filed.event();
        return Answer.json(201, filed.logged(Json.object()
                        .put("appeal", f.appeal().id().toString())
                        .put("case", f.caseId().toString())
                        .put("decision", f.appeal().decision().toString())
                        .put("filedAt", f.at().toString()))
                        .build())
                .withHeader("Location", "/v1/appeals/" + f.appeal().id());
    }

    private static Answer appealDecided(List<RecordedEvent> events, String outcome) {
        Commands.Stored<CaseEvent.AppealDecided> decided = Commands.first(events, CaseEvent.AppealDecided.class).orElseThrow();
        CaseEvent.AppealDecided d = decided.event();
        Json.ObjBuilder answer = Json.object()
                .put("appeal", d.appeal().toString())
                .put("case", d.caseId().toString())
                .put("outcome", outcome)
                .put("decidedAt", d.at().toString());
        Commands.first(events, CaseEvent.DecisionTaken.class)
                .ifPresent(replacement -> answer.put("replacement", replacement.event().decision().id().toString()));
        return Answer.json(200, decided.logged(answer).build());
    }

    /** The request's path of a field the core names in an appeal's decision. */
    private static String decisionPath(String field) {
        return switch (field) {
            case "appeal" -> "id";
            case "reviewer", "approvers" -> "Authorization";
            case "outcome" -> "$.outcome";
            case "outcome.reasons" -> "$.reasons";
            case "restrictions" -> "$.modified.restrictions";
            default -> Decisions.statementPath(field, "$.modified");
        };
    }
}
