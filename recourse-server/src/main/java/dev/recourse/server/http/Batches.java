package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import dev.recourse.server.http.shape.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batch endpoints: up to {@value #MAX_ITEMS} items of one endpoint in one request, where volume needs it. Each item
 * is checked and carried out on its own, all or nothing for that item, exactly as the single endpoint would, and
 * answered with its own status and body or problem; the batch itself is answered 200 once every item is.
 *
 * <p>Items about different subjects are carried out at the same time (their events share the sequencer's
 * transactions); items about the same subject one after another, in their order, so they do not contend.
 */
final class Batches {
    /** The most items a batch holds. */
    static final int MAX_ITEMS = 500;

    private Batches() {}

    /** The body of a batch of {@code item}s: checked as a list of objects here, each item against its shape later. */
    static Shape of(Shape item, String description) {
        return of(item, MAX_ITEMS, description);
    }

    /** As {@link #of(Shape, String)}, with up to {@code maxItems} items. */
    static Shape of(Shape item, int maxItems, String description) {
        Shape anyItem = new Shape.Delegated(item.schema(), Batches::checkObject);
        return object(description, required("items", list(anyItem, 1, maxItems, "The items, each answered on its own.")));
    }

    /** What a batch answers: one result per item, in the items' order. */
    static Shape.Obj answered(Shape.Obj itemAnswer) {
        return answered(itemAnswer, MAX_ITEMS);
    }

    /** As {@link #answered(Shape.Obj)}, for batches of up to {@code maxItems} items. */
    static Shape.Obj answered(Shape.Obj itemAnswer, int maxItems) {
        Shape problem = new Shape.Delegated(Json.object().put("type", "object")
                .put("description", "The item's problem (RFC 9457); its errors name fields under $.items[i].").build(),
                Batches::checkObject);
        return object("One result per item, in order.",
                required("items", list(object("What came of one item.",
                        required("status", whole(200, 599, "The status the single endpoint would have answered.")),
                        optional("body", itemAnswer),
                        optional("problem", problem)).exactlyOne("body", "problem"), 1, maxItems, "The results.")));
    }

    /**
     * Answers each item of {@code call}'s batch with {@code action}, as if it came alone: an item that does not have
     * {@code shape} gets its problem and nothing is done for it.
     */
    static Answer run(Call call, Shape shape, Route.Action action) throws Exception {
        List<Json> items = ((Json.Arr) call.body().json("items")).elements();
        Answer[] answers = new Answer[items.size()];
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<FieldError> wrong = shape.problems(items.get(i));
            if (!wrong.isEmpty()) {
                String at = "$.items[" + i + "]";
                answers[i] = call.answer(Problems.invalid(wrong.stream()
                        .map(e -> new FieldError(at + e.field().substring(1), e.problem())).toList()));
            } else {
                bySubject.computeIfAbsent(subjectOf(items.get(i)), k -> new ArrayList<>()).add(i);
            }
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Integer> group : bySubject.values()) {
                done.add(threads.submit(() -> {
                    for (int i : group) {
                        answers[i] = action.answer(call.item(i, items.get(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        }
        List<Json> results = new ArrayList<>(answers.length);
        for (Answer answer : answers) {
            Json body = Json.parseUtf8(answer.body()).orElseThrow();
            results.add(Json.object().put("status", Json.of(answer.status()))
                    .put(answer.status() < 400 ? "body" : "problem", body).build());
        }
        return Answer.json(200, Json.object().put("items", results).build());
    }

    /** The subject an item is about, as a key: items about one subject are carried out in order. */
    private static String subjectOf(Json item) {
        Json subject = ((Json.Obj) item).get("subject");
        Json.Obj s = (Json.Obj) subject;
        return ((Json.Str) s.get("kind")).value() + "/" + ((Json.Str) s.get("id")).value();
    }

    private static void checkObject(Json value, JsonPath at, List<FieldError> errors) {
        if (!(value instanceof Json.Obj)) {
            errors.add(Shape.error(at, "is an object"));
        }
    }
}
