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
import dev.recourse.store.projection.Page;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.store.projection.RegisteredRequest;
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

    /** An authority request as the register lists it. */
    static final Shape.Obj LISTED = object("An authority request in the register: its hold and disclosure; once disclosed,"
            + " what it asked and the decisions it led to. The request itself shows a held one in full.",
            required("request", Commands.ID),
            required("registeredAt", TIME),
            optional("legalHoldUntil", formatted(Format.DATE_TIME, 40, "The end of the legal hold that delays or delayed its"
                    + " disclosure, if it has one.")),
            required("disclosed", flag("Whether it is disclosed publicly.")),
            optional("disclosedAt", TIME),
            optional("kind", text(1, 100, "An order (DSA Art. 9) or a government's request; once disclosed.")),
            optional("authority", object("The public body that asks; once disclosed.",
                    required("name", text(1, 500, "Its official name.")),
                    required("country", formatted(Format.COUNTRY, 2, "The state it acts for.")))),
            optional("legalBasis", prose(1, 2_000, "The law it acts under; once disclosed.")),
            optional("decisions", list(Commands.ID, 0, 10_000, "The decisions it led to, oldest first; once disclosed.")));

    /** A page of the register. */
    static final Shape REGISTER = Keys.page(LISTED, "Authority requests, newest first.");

    private final EventStore events;
    private final PublicRecord register;

    /** The authority requests recorded in {@code events}, listed from the public record's {@code register}. */
    public AuthorityRequests(EventStore events, PublicRecord register) {
        this.events = events;
        this.register = register;
    }

    /**
     * {@code GET /v1/authority-requests}: every request, newest first, paged by cursor through the public record's
     * register (an index on the position); a page holds at most {@value PublicRecord#MAX_PAGE}.
     */
    public Answer register(Call call) {
        var page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        Call.PageRequest request = page.orElseThrow();
        int limit = Math.min(request.limit(), PublicRecord.MAX_PAGE);
        Page<RegisteredRequest> found = register.authorityRequests(
                request.cursor().map(c -> new dev.recourse.store.projection.Cursor(c.after())), limit);
        List<Json> items = new ArrayList<>();
        for (RegisteredRequest r : found.items()) {
            Json.ObjBuilder item = Json.object().put("request", r.id().toString()).put("registeredAt", r.registeredAt().toString());
            switch (r) {
                case RegisteredRequest.Held held -> item.put("legalHoldUntil", held.until().toString()).put("disclosed", Json.of(false));
                case RegisteredRequest.Disclosed d -> {
                    d.heldUntil().ifPresent(until -> item.put("legalHoldUntil", until.toString()));
                    item.put("disclosed", Json.of(true)).put("disclosedAt", d.disclosedAt().toString())
                            .put("kind", Subjects.name(d.kind()))
                            .put("authority", Json.object().put("name", d.authority()).put("country", d.country()).build())
                            .put("legalBasis", d.legalBasis())
                            .put("decisions", Json.strings(d.decisions().stream().map(x -> x.id().toString()).toList()));
                }
            }
            items.add(item.build());
        }
        return call.page(items, found.next().map(c -> new Cursor(c.position())), limit);
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
