package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.flag;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.port.EventStore;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/authority-requests/{id}}: an authority's request as registered, with its legal hold, whether it is
 * disclosed, and the decisions it caused (DSA Art. 9; invariant 8: every request is linked to the actions it caused
 * and disclosed unless a recorded hold delays it).
 */
public final class AuthorityRequests {
    private static final Shape TIME = formatted(Format.DATE_TIME, 40, "");

    /** An authority request as it stands. */
    static final Shape.Obj REQUEST = object("An authority request, its hold, its disclosure and the decisions it caused.",
            required("request", Commands.ID),
            required("kind", text(1, 100, "An order (DSA Art. 9) or a government's request.")),
            required("authority", object("The public body that asks.",
                    required("name", text(1, 500, "Its official name.")),
                    required("country", formatted(Format.COUNTRY, 2, "The state it acts for.")))),
            required("legalBasis", prose(1, 2_000, "The law it acts under.")),
            required("case", Commands.ID),
            required("notice", Commands.ID),
            required("registeredAt", TIME),
            optional("legalHold", object("The hold that delays disclosure.",
                    required("until", TIME),
                    required("reason", prose(1, 2_000, "Why disclosure is delayed.")),
                    required("expired", flag("Whether the hold has ended.")))),
            required("disclosed", flag("Whether it is disclosed publicly.")),
            optional("disclosedAt", TIME),
            required("decisions", list(Commands.ID, 0, 10_000, "The decisions it caused, in order.")));

    private final EventStore events;

    /** The authority requests recorded in {@code events}. */
    public AuthorityRequests(EventStore events) {
        this.events = events;
    }

    /** {@code GET /v1/authority-requests/{id}}. */
    public Answer show(Call call) {
        List<RecordedEvent> history = call.uuidParameter("id")
                .map(id -> events.read(StreamId.of(new AuthorityRequestId(id)))).orElse(List.of());
        if (history.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no authority request " + call.pathParameter("id")));
        }
        Json.ObjBuilder view = Json.object();
        List<Json> decisions = new ArrayList<>();
        Json.ObjBuilder hold = null;
        boolean expired = false;
        String disclosedAt = null;
        for (RecordedEvent e : history) {
            switch ((AuthorityEvent) e.event()) {
                case AuthorityEvent.AuthorityRequestRegistered r -> {
                    view.put("request", r.request().toString())
                            .put("kind", Subjects.name(r.kind()))
                            .put("authority", Json.object().put("name", r.authority().name())
                                    .put("country", r.authority().country().value()).build())
                            .put("legalBasis", r.legalBasis().citation())
                            .put("case", r.caseId().toString())
                            .put("notice", r.notice().toString())
                            .put("registeredAt", r.at().toString());
                    if (r.hold().isPresent()) {
                        hold = Json.object().put("until", r.hold().get().until().toString()).put("reason", r.hold().get().reason());
                    }
                }
                case AuthorityEvent.AuthorityActionLinked linked -> decisions.add(Json.of(linked.decision().toString()));
                case AuthorityEvent.LegalHoldExpired ignored -> expired = true;
                case AuthorityEvent.AuthorityRequestDisclosed d -> disclosedAt = d.at().toString();
            }
        }
        if (hold != null) {
            view.put("legalHold", hold.put("expired", Json.of(expired)).build());
        }
        view.put("disclosed", Json.of(disclosedAt != null));
        if (disclosedAt != null) {
            view.put("disclosedAt", disclosedAt);
        }
        return Answer.json(200, view.put("decisions", decisions).build());
    }
}
