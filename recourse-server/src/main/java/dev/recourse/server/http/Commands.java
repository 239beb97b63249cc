package dev.recourse.server.http;

import dev.recourse.core.command.Command;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Carries out a command through the core and answers what came of it: the one way endpoints change anything. */
final class Commands {
    /** An id the core gave: a UUID. */
    static final Shape ID = Shape.formatted(Format.UUID, 36, "");
    /** Where the event an answer is about is in the public log. */
    static final Shape.Field POSITION = Shape.required("position", Shape.whole(0, Json.Num.MAX_EXACT,
            "The position of its entry in the public log."));
    /** The link to the receipt of that event. */
    static final Shape.Field RECEIPT = Shape.required("receipt", Shape.text(1, 100,
            "The link to the receipt that proves the entry is in the log."));

    private Commands() {}

    /**
     * Carries out {@code command}: answers {@code accepted} with the events stored; a rejection as a problem whose
     * errors name the request's fields ({@code path} turns the command's field names into the request's JSON paths);
     * contention as a problem to retry. Under an Idempotency-Key, the answer {@code accepted} makes is stored with
     * the events, in their transaction (for a write that claims its key with them, a duplicate that stored its events first
     * leaves this one's unstored, answered 409 until {@link ApiServer} gives the first answer); an item of a batch carried out by an earlier attempt gets that attempt's
     * answer and is not carried out again. {@code accepted} MUST depend on the events only.
     */
    static Answer carryOut(DueProcess process, Call call, Command command, UnaryOperator<String> path,
            Function<List<RecordedEvent>, Answer> accepted) {
        Optional<Answer> earlier = call.earlierAnswer();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<Result> result = call.carryingOutOnce(accepted, () -> process.handle(command));
        if (result.isEmpty()) {
            // What ApiServer answers in its place: the answer kept under the key, or this while there is none.
            return call.answer(Problem.of(ProblemType.IDEMPOTENCY_KEY_IN_USE, "another request with this Idempotency-Key"
                    + " was carried out first").withHeader("Retry-After", "1"));
        }
        return switch (result.get()) {
            case Result.Accepted a -> accepted.apply(a.events());
            case Result.Rejected r -> call.answer(Problems.rejected(r, path));
            case Result.Contended c -> call.answer(Problems.contended(c));
        };
    }

    /** The first event of {@code type} among {@code events}, with its position. */
    static <E extends Event> Optional<Stored<E>> first(List<RecordedEvent> events, Class<E> type) {
        return events.stream().filter(e -> type.isInstance(e.event()))
                .findFirst().map(e -> new Stored<>(type.cast(e.event()), e.position()));
    }

    /** An event and its position in the log. */
    record Stored<E extends Event>(E event, long position) {
        /** The link to the receipt of the event: the proof that it is in the public log. */
        String receipt() {
            return Receipts.link(position);
        }

        /** Puts {@link #POSITION} and {@link #RECEIPT} into {@code answer}. */
        Json.ObjBuilder logged(Json.ObjBuilder answer) {
            return answer.put("position", Json.of(position)).put("receipt", receipt());
        }
    }
}
