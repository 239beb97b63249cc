package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.port.EventStore;
import dev.recourse.store.projection.CaseStatus;
import dev.recourse.store.projection.CaseView;
import dev.recourse.store.projection.CaseWithRestrictions;
import dev.recourse.store.projection.ReadModel;
import dev.recourse.store.projection.StandingRestriction;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code GET /v1/cases/{id}}: where a case stands, and the restrictions in force on its subject. */
public final class Cases {
    private static final Shape TIME = formatted(Format.DATE_TIME, 40, "");

    /** A restriction in force. */
    static final Shape.Obj RESTRICTION = object("A restriction in force on the subject.",
            required("id", Commands.ID),
            required("decision", Commands.ID),
            optional("visibility", Shape.text(1, 100, "The DSA decision_visibility value.")),
            optional("monetary", Shape.text(1, 100, "The DSA decision_monetary value.")),
            optional("service", Shape.text(1, 100, "The DSA decision_provision value.")),
            optional("account", Shape.text(1, 100, "The DSA decision_account value.")),
            optional("other", Shape.text(1, 500, "What an other measure is.")),
            optional("territory", list(formatted(Format.COUNTRY, 2, ""), 1, 250, "Where it applies; everywhere when absent.")),
            required("appliedAt", TIME),
            optional("endsAt", formatted(Format.DATE_TIME, 40, "When it ends; indefinite when absent.")));

    /** A case. */
    static final Shape.Obj CASE = object("A case: one subject under consideration.",
            required("id", Commands.ID),
            required("subject", Subjects.REF),
            required("status", choice("open: no decision yet; decided: its latest decision stands; appealed: an appeal is"
                    + " pending; reversed: the last appeal reversed the decision.",
                    Arrays.stream(CaseStatus.values()).map(Subjects::name).toList())),
            optional("latestDecision", formatted(Format.UUID, 36, "The decision taken last (after a modifying appeal, the replacement).")),
            optional("decidedAt", formatted(Format.DATE_TIME, 40, "When it was taken.")),
            optional("appealDeadline", formatted(Format.DATE_TIME, 40, "The last instant it can be appealed.")),
            optional("awaitingSince", formatted(Format.DATE_TIME, 40, "The earliest notice or detection no decision answered yet.")),
            required("pendingAppeals", whole(0, Integer.MAX_VALUE, "Appeals filed and not decided.")),
            optional("nextRestrictionEnd", formatted(Format.DATE_TIME, 40, "The earliest end of a restriction in force.")),
            required("openedAt", TIME),
            required("updatedAt", TIME),
            required("restrictions", list(RESTRICTION, 0, 10_000, "The restrictions in force on the subject now.")));

    /** One event of a case's history. */
    static final Shape.Obj EVENT = object("One event of the case, as recorded (personal data included).",
            Commands.POSITION,
            required("version", whole(1, Json.Num.MAX_EXACT, "Its number in the case's history, from 1.")),
            required("type", Shape.text(1, 100, "What happened: the event's type, e.g. DecisionTaken.")),
            required("at", TIME),
            required("record", new Shape.Delegated(Json.object().put("type", "object")
                    .put("description", "The event's whole record, as the log's private record holds it.").build(),
                    (value, at, errors) -> { })));

    /** A page of a case's history. */
    static final Shape HISTORY = Keys.page(EVENT, "The case's events, oldest first.");

    private final ReadModel readModel;
    private final EventStore events;

    /** The cases of {@code readModel}, with their histories in {@code events}. */
    public Cases(ReadModel readModel, EventStore events) {
        this.readModel = readModel;
        this.events = events;
    }

    /** {@code GET /v1/cases/{id}/events}: the case's whole history, oldest first, a page at a time. */
    public Answer history(Call call) {
        return events(call, e -> true);
    }

    /** {@code GET /v1/cases/{id}/notices}: the notices the case received, oldest first. */
    public Answer notices(Call call) {
        return events(call, e -> e instanceof CaseEvent.NoticeReceived);
    }

    /** {@code GET /v1/cases/{id}/decisions}: the case's decisions and proposals, and what came of them, oldest first. */
    public Answer decisions(Call call) {
        return events(call, e -> e instanceof CaseEvent.DecisionTaken || e instanceof CaseEvent.DecisionProposed
                || e instanceof CaseEvent.ProposalApproved || e instanceof CaseEvent.ProposalDeclined
                || e instanceof CaseEvent.AppealDecided);
    }

    private Answer events(Call call, java.util.function.Predicate<Event> kept) {
        var page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        Optional<CaseView> found = call.uuidParameter("id").flatMap(id -> readModel.caseById(new CaseId(id)));
        if (found.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no case " + call.pathParameter("id")));
        }
        Call.PageRequest request = page.orElseThrow();
        long after = request.cursor().map(Cursor::after).orElse(0L);
        List<Json> items = new java.util.ArrayList<>();
        Optional<Cursor> next = Optional.empty();
        for (RecordedEvent e : events.read(StreamId.of(found.get().subject()))) {
            if (e.version() <= after || !kept.test(e.event())) {
                continue;
            }
            if (items.size() == request.limit()) {
                next = Optional.of(new Cursor(after));
                break;
            }
            items.add(Json.object()
                    .put("position", Json.of(e.position()))
                    .put("version", Json.of(e.version()))
                    .put("type", e.event().type())
                    .put("at", e.event().at().toString())
                    .put("record", LogEntry.privateRecord(e.event()).get("event"))
                    .build());
            after = e.version();
        }
        return call.page(items, next, request.limit());
    }

    /** {@code GET /v1/cases/{id}}. */
    public Answer show(Call call) {
        // One query for the case and its subject's restrictions: a read of the API's mix is one round trip.
        Optional<CaseWithRestrictions> found = call.uuidParameter("id").flatMap(id -> readModel.caseWithRestrictions(new CaseId(id)));
        if (found.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no case " + call.pathParameter("id")));
        }
        CaseView c = found.get().view();
        Json.ObjBuilder view = Json.object()
                .put("id", c.id().toString())
                .put("subject", Subjects.json(c.subject()))
                .put("status", Subjects.name(c.status()));
        c.latestDecision().ifPresent(d -> view.put("latestDecision", d.toString()));
        time(view, "decidedAt", c.decidedAt());
        time(view, "appealDeadline", c.appealDeadline());
        time(view, "awaitingSince", c.awaitingSince());
        view.put("pendingAppeals", Json.of(c.pendingAppeals()));
        time(view, "nextRestrictionEnd", c.nextRestrictionEnd());
        view.put("openedAt", c.openedAt().toString()).put("updatedAt", c.updatedAt().toString());
        List<Json> restrictions = found.get().restrictions().stream().<Json>map(Cases::json).toList();
        return Answer.json(200, view.put("restrictions", restrictions).build());
    }

    static Json json(StandingRestriction r) {
        Json.ObjBuilder obj = Json.object().put("id", r.id().toString()).put("decision", r.decision().toString());
        RestrictionJson.effect(obj, r.measure(), r.scope());
        obj.put("appliedAt", r.appliedAt().toString());
        time(obj, "endsAt", r.endsAt());
        return obj.build();
    }

    private static void time(Json.ObjBuilder obj, String name, Optional<Instant> at) {
        at.ifPresent(t -> obj.put(name, t.toString()));
    }
}
