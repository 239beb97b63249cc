package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.json.Json;
import dev.recourse.store.projection.CaseStatus;
import dev.recourse.store.projection.CaseView;
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

    private final ReadModel readModel;

    /** The cases of {@code readModel}. */
    public Cases(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** {@code GET /v1/cases/{id}}. */
    public Answer show(Call call) {
        Optional<CaseView> found = call.uuidParameter("id").flatMap(id -> readModel.caseById(new CaseId(id)));
        if (found.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no case " + call.pathParameter("id")));
        }
        CaseView c = found.get();
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
        List<Json> restrictions = readModel.standingRestrictions(c.subject()).stream().<Json>map(Cases::json).toList();
        return Answer.json(200, view.put("restrictions", restrictions).build());
    }

    private static Json json(StandingRestriction r) {
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
