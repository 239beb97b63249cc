package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.command.Command;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.process.DueProcess;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import dev.recourse.store.projection.Page;
import dev.recourse.store.projection.PendingProposal;
import dev.recourse.store.projection.ReadModel;
import java.util.List;
import java.util.Optional;

/**
 * Proposed decisions: what automation proposed, and high-impact decisions one person made, wait here until another
 * person approves them (the decision is then taken) or declines them with reasons. The core refuses an approval by
 * anyone who already took part (DSA due process: high-impact actions need two different people).
 */
public final class Proposals {
    private static final Shape TIME = formatted(Format.DATE_TIME, 40, "");

    /** A proposal waiting for a person. */
    static final Shape.Obj PENDING = object("A proposed decision waiting for approval.",
            required("proposal", Commands.ID),
            required("case", Commands.ID),
            required("subject", Subjects.REF),
            required("why", prose(1, 1_000, "Why it waits: automation only proposes, or it is high-impact.")),
            required("approvals", whole(0, Integer.MAX_VALUE, "How many people approved it so far.")),
            required("proposedAt", TIME));

    /** A page of pending proposals. */
    static final Shape QUEUE = Keys.page(PENDING, "Proposals waiting for approval, oldest first.");

    /** The body of a decline. */
    static final Shape DECLINE = object("Why the proposal is declined.",
            required("reasons", prose(1, 20_000, "Why, for the record.")));

    /** What an approval or a decline answers. */
    static final Shape.Obj ANSWERED = object("What came of the approval or decline.",
            required("proposal", Commands.ID),
            required("case", Commands.ID),
            required("status", choice("approved: it waits for one more approval; taken: the decision is in effect;"
                    + " declined: it is closed without effect.", List.of("approved", "taken", "declined"))),
            required("at", TIME),
            Commands.POSITION,
            Commands.RECEIPT);

    private final DueProcess process;
    private final ReadModel readModel;

    /** The proposals of {@code process}, queued in {@code readModel}. */
    public Proposals(DueProcess process, ReadModel readModel) {
        this.process = process;
        this.readModel = readModel;
    }

    /** {@code GET /v1/proposals}: the proposals waiting for a person, oldest first, a page at a time. */
    public Answer queue(Call call) {
        var page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        Call.PageRequest request = page.orElseThrow();
        Page<PendingProposal> pending = readModel.proposals(
                request.cursor().map(c -> new dev.recourse.store.projection.Cursor(c.after())), request.limit());
        List<Json> items = pending.items().stream().map(Proposals::json).toList();
        return call.page(items, pending.next().map(c -> new Cursor(c.position())), request.limit());
    }

    /** {@code POST /v1/proposals/{id}/approve}: a person who took no part approves; enough approvals take the decision. */
    public Answer approve(Call call) {
        Optional<PendingProposal> pending = pending(call);
        if (pending.isEmpty()) {
            return notPending(call);
        }
        Command.ApproveProposal command = new Command.ApproveProposal(pending.get().subject(), pending.get().proposal(),
                Decisions.person(call.caller()));
        return Commands.carryOut(process, call, command, Proposals::path, Proposals::approved);
    }

    /** {@code POST /v1/proposals/{id}/decline}: a person declines the proposal with reasons; nothing takes effect. */
    public Answer decline(Call call) {
        Optional<PendingProposal> pending = pending(call);
        if (pending.isEmpty()) {
            return notPending(call);
        }
        Command.DeclineProposal command = new Command.DeclineProposal(pending.get().subject(), pending.get().proposal(),
                Decisions.person(call.caller()), call.body().text("reasons"));
        return Commands.carryOut(process, call, command, Proposals::path, events -> {
            Commands.Stored<CaseEvent.ProposalDeclined> declined = Commands.first(events, CaseEvent.ProposalDeclined.class).orElseThrow();
            return Answer.json(200, declined.logged(Json.object()
                    .put("proposal", declined.event().proposal().toString())
                    .put("case", declined.event().caseId().toString())
                    .put("status", "declined")
                    .put("at", declined.event().at().toString())).build());
        });
    }

    private static Answer approved(List<RecordedEvent> events) {
        Commands.Stored<CaseEvent.ProposalApproved> approved = Commands.first(events, CaseEvent.ProposalApproved.class).orElseThrow();
        Optional<Commands.Stored<CaseEvent.DecisionTaken>> taken = Commands.first(events, CaseEvent.DecisionTaken.class);
        CaseEvent.ProposalApproved a = approved.event();
        Json.ObjBuilder answer = Json.object()
                .put("proposal", a.proposal().toString())
                .put("case", a.caseId().toString())
                .put("status", taken.isPresent() ? "taken" : "approved")
                .put("at", a.at().toString());
        return Answer.json(200, (taken.isPresent() ? taken.get().logged(answer) : approved.logged(answer)).build());
    }

    private Optional<PendingProposal> pending(Call call) {
        return call.uuidParameter("id").flatMap(id -> readModel.pendingProposal(new DecisionId(id)));
    }

    private static Answer notPending(Call call) {
        return call.answer(Problem.of(ProblemType.NOT_FOUND, "no proposal " + call.pathParameter("id") + " waits for approval"));
    }

    private static Json json(PendingProposal p) {
        return Json.object()
                .put("proposal", p.proposal().toString())
                .put("case", p.caseId().toString())
                .put("subject", Subjects.json(p.subject()))
                .put("why", p.why())
                .put("approvals", Json.of(p.approvals()))
                .put("proposedAt", p.proposedAt().toString())
                .build();
    }

    /** The request's path of a field the core names in an approval or decline. */
    private static String path(String field) {
        return switch (field) {
            case "approver", "person" -> "Authorization";
            case "proposal" -> "id";
            default -> "$." + field;
        };
    }
}
