package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import dev.recourse.server.delivery.Attempt;
import dev.recourse.server.delivery.Channel;
import dev.recourse.server.delivery.Deliveries;
import dev.recourse.server.delivery.Delivery;
import dev.recourse.server.delivery.DeliveryState;
import dev.recourse.server.http.Route.QueryParameter;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The endpoints of deliveries: the actions delivered to the platform, with their state and attempts, and the
 * platform's acknowledgement of each; the dead-letter list of every channel, and its replay.
 */
public final class Actions {
    private static final Shape TIME = formatted(Format.DATE_TIME, 40, "");
    private static final List<String> STATES = Arrays.stream(DeliveryState.values()).map(DeliveryState::apiName).toList();

    /** One attempt. */
    static final Shape.Obj ATTEMPT = object("One attempt to deliver.",
            required("number", whole(1, Integer.MAX_VALUE, "1 for the first.")),
            required("at", TIME),
            required("accepted", Shape.flag("Whether the receiver took it.")),
            required("detail", text(0, 10_000, "What the receiver answered (an HTTP status, an SMTP reply), or why nothing was.")));

    /** A delivery, without its attempts. */
    static final Shape.Obj DELIVERY = object("A delivery: an action to the platform or a message to a person.",
            required("id", formatted(Format.UUID, 36, "Its id: the webhook-id of each attempt, and the id in the payload.")),
            required("channel", choice("Where it goes.", Arrays.stream(Channel.values()).map(Channel::apiName).toList())),
            required("type", text(1, 100, "What it is: action.apply, action.lift, message.decision, ...")),
            required("position", whole(0, Json.Num.MAX_EXACT, "The log position of the event that asked for it.")),
            required("state", choice("pending: waiting for its first or next attempt; delivered: the receiver took it (an"
                    + " action: not yet acknowledged); applied, failed: the platform's acknowledgement; dead: gave up after"
                    + " the most attempts, until replayed.", STATES)),
            required("createdAt", TIME),
            required("failures", whole(0, Integer.MAX_VALUE, "Attempts that failed since it was made or last replayed.")),
            optional("nextAttemptAt", formatted(Format.DATE_TIME, 40, "When it is tried next, while pending.")),
            optional("deliveredAt", formatted(Format.DATE_TIME, 40, "When the receiver took it.")),
            optional("acknowledgedAt", formatted(Format.DATE_TIME, 40, "When the platform acknowledged the action.")),
            optional("failureReason", prose(1, 2000, "Why the platform could not apply the action.")));

    /** A delivery with its attempts. */
    static final Shape.Obj DETAILED = DELIVERY.with("A delivery with every attempt.",
            required("attempts", Shape.list(ATTEMPT, 0, 10_000, "Every attempt, oldest first.")));

    /** A page of deliveries. */
    static final Shape PAGE = Keys.page(DELIVERY, "Deliveries in the order they were made.");

    /** The platform's acknowledgement of an action. */
    static final Shape ACKNOWLEDGEMENT = object("Whether the platform applied the action.",
            required("result", choice("applied: the action is in effect on the platform; failed: it could not be applied.",
                    List.of("applied", "failed"))),
            optional("reason", prose(1, 2000, "Why it could not be applied; required with failed, refused with applied.")));

    /** The answer to a replay of every dead letter. */
    static final Shape REPLAYED = object("The dead letters put back in their queues.",
            required("replayed", whole(0, Integer.MAX_VALUE, "How many.")));

    /** The {@code state} query parameter of the list of actions. */
    static final QueryParameter STATE = new QueryParameter("state",
            Json.object().put("type", "string").put("enum", Json.strings(STATES)).build(),
            "Only actions in this state. Absent for all.");

    private final Deliveries deliveries;

    /** The endpoints of {@code deliveries}. */
    public Actions(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** {@code GET /v1/actions}: the actions, a page at a time, in one state if asked. */
    public Answer list(Call call) throws SQLException {
        return page(call, Optional.of(Channel.ACTIONS), call.query("state"));
    }

    /** {@code GET /v1/actions/{id}}: one action and its attempts. */
    public Answer show(Call call) throws SQLException {
        Optional<Delivery> found = find(call).filter(d -> d.channel() == Channel.ACTIONS);
        return found.map(d -> Answer.json(200, detailed(d))).orElseGet(() -> notFound(call, "action"));
    }

    /** {@code POST /v1/actions/{id}/ack}: the platform applied the action, or could not, for a reason. */
    public Answer acknowledge(Call call) throws SQLException {
        Fields body = call.body();
        boolean applied = body.text("result").equals("applied");
        Optional<String> reason = body.optionalText("reason");
        if (applied == reason.isPresent()) {
            return call.answer(Problems.invalid(List.of(new FieldError("$.reason",
                    applied ? "is only given when the result is failed" : "is required when the result is failed"))));
        }
        Optional<UUID> id = call.uuidParameter("id");
        Optional<Delivery> acknowledged = id.isPresent() ? deliveries.acknowledge(id.get(), reason) : Optional.empty();
        return acknowledged.map(d -> Answer.json(200, detailed(d))).orElseGet(() -> notFound(call, "action"));
    }

    /** {@code GET /v1/dead-letters}: the deliveries of every channel that ran out of attempts, a page at a time. */
    public Answer deadLetters(Call call) throws SQLException {
        return page(call, Optional.empty(), Optional.of(DeliveryState.DEAD.apiName()));
    }

    /** {@code POST /v1/dead-letters/{id}/replay}: puts one dead letter back in its queue, due now. */
    public Answer replay(Call call) throws SQLException {
        Optional<Delivery> found = find(call);
        if (found.isEmpty()) {
            return notFound(call, "delivery");
        }
        if (!deliveries.replay(found.get().id())) {
            return call.answer(Problem.of(ProblemType.REJECTED, "only a dead delivery is replayed; this one is "
                    + found.get().state().apiName(), List.of(new FieldError("id", "is not dead"))));
        }
        return Answer.json(200, detailed(deliveries.find(found.get().id()).orElseThrow()));
    }

    /** {@code POST /v1/dead-letters/replay}: puts every dead letter back in its queue, due now. */
    public Answer replayAll(Call call) throws SQLException {
        return Answer.json(200, Json.object().put("replayed", Json.of(deliveries.replayAll())).build());
    }

    private Answer page(Call call, Optional<Channel> channel, Optional<String> stateName) throws SQLException {
        var page = call.page();
        Optional<DeliveryState> state = stateName.flatMap(DeliveryState::named);
        if (!page.isValid() || stateName.isPresent() && state.isEmpty()) {
            List<FieldError> errors = new java.util.ArrayList<>(page.isValid() ? List.of() : page.errors());
            if (stateName.isPresent() && state.isEmpty()) {
                errors.add(new FieldError("state", "is one of " + String.join(", ", STATES)));
            }
            return call.invalidQuery(errors);
        }
        int limit = page.orElseThrow().limit();
        OptionalLong after = page.orElseThrow().cursor().map(c -> OptionalLong.of(c.after())).orElse(OptionalLong.empty());
        List<Delivery> found = deliveries.list(channel, state, after, limit + 1);
        List<Json> items = found.stream().limit(limit).<Json>map(Actions::json).toList();
        Optional<Cursor> next = found.size() > limit ? Optional.of(new Cursor(found.get(limit - 1).number())) : Optional.empty();
        return call.page(items, next, limit);
    }

    private Optional<Delivery> find(Call call) throws SQLException {
        Optional<UUID> id = call.uuidParameter("id");
        return id.isPresent() ? deliveries.find(id.get()) : Optional.empty();
    }

    private static Answer notFound(Call call, String what) {
        return call.answer(Problem.of(ProblemType.NOT_FOUND, "no " + what + " " + call.pathParameter("id")));
    }

    private static Json.Obj json(Delivery d) {
        Json.ObjBuilder obj = Json.object()
                .put("id", d.id().toString())
                .put("channel", d.channel().apiName())
                .put("type", d.type())
                .put("position", Json.of(d.position()))
                .put("state", d.state().apiName())
                .put("createdAt", d.createdAt().toString())
                .put("failures", Json.of(d.failures()));
        time(obj, "nextAttemptAt", d.nextAttemptAt());
        time(obj, "deliveredAt", d.deliveredAt());
        time(obj, "acknowledgedAt", d.acknowledgedAt());
        d.failureReason().ifPresent(r -> obj.put("failureReason", r));
        return obj.build();
    }

    private static Json.Obj detailed(Delivery d) {
        Json.ObjBuilder obj = Json.object();
        json(d).members().forEach(obj::put);
        return obj.put("attempts", d.attempts().stream().<Json>map(Actions::json).toList()).build();
    }

    private static Json json(Attempt a) {
        return Json.object().put("number", Json.of(a.number())).put("at", a.at().toString())
                .put("accepted", Json.of(a.accepted())).put("detail", a.detail()).build();
    }

    private static void time(Json.ObjBuilder obj, String name, Optional<Instant> at) {
        at.ifPresent(t -> obj.put(name, t.toString()));
    }
}
