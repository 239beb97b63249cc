package dev.recourse.server.http;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.Principal;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.Result;
import java.util.Optional;
import java.util.UUID;

/**
 * One call of an endpoint, as its action sees it: who calls, the path and query parameters, and the body, already
 * checked against the endpoint's shape.
 */
public final class Call {
    /** How many items a page holds when the caller does not say. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most items a page holds. */
    public static final int MAX_LIMIT = 500;

    private final Context context;
    private final Optional<Principal> principal;
    private final Optional<Json> body;
    private final OptionalInt item;
    private final Optional<Writing> writing;

    /**
     * The write this call carries out under an Idempotency-Key, and the answers to items of it given before;
     * {@code requestHash} is present if it claims the key with its events ({@link Route.Claiming#WITH_EVENTS}), and
     * {@code held} is then set if its key was held when its events came to be stored.
     */
    private record Writing(Idempotency idempotency, UUID apiKey, String key, Map<Integer, Answer> items,
            Optional<byte[]> requestHash, AtomicBoolean answered, AtomicBoolean held) {}

    Call(Context context, Optional<Principal> principal, Optional<Json> body) {
        this(context, principal, body, OptionalInt.empty(), Optional.empty());
    }

    private Call(Context context, Optional<Principal> principal, Optional<Json> body, OptionalInt item,
            Optional<Writing> writing) {
        this.context = context;
        this.principal = principal;
        this.body = body;
        this.item = item;
        this.writing = writing;
    }

    /**
     * This call as the write claimed with {@code key} by the caller with {@code apiKey}: the core's events it stores
     * are stored with its answer ({@link #carryingOut}); {@code items} are the answers to items of it (a batch)
     * carried out by an earlier attempt.
     */
    Call writing(Idempotency idempotency, UUID apiKey, String key, Map<Integer, Answer> items) {
        return new Call(context, principal, body, item, Optional.of(new Writing(idempotency, apiKey, key, Map.copyOf(items),
                Optional.empty(), new AtomicBoolean(), new AtomicBoolean())));
    }

    /**
     * This call as the write that claims {@code key} of the caller with {@code apiKey} with the events of its command,
     * for the request identified by {@code requestHash} ({@link Route.Claiming#WITH_EVENTS}).
     */
    Call claimingWithEvents(Idempotency idempotency, UUID apiKey, String key, byte[] requestHash) {
        return new Call(context, principal, body, item, Optional.of(new Writing(idempotency, apiKey, key, Map.of(),
                Optional.of(requestHash), new AtomicBoolean(), new AtomicBoolean())));
    }

    /** Item {@code index} of a batch, whose body is {@code body}, as a call of its own (see {@link Batches}). */
    Call item(int index, Json body) {
        if (index < 0) {
            throw new IllegalArgumentException("an item's index is at least 0, not " + index);
        }
        return new Call(context, principal, Optional.of(body), OptionalInt.of(index), writing);
    }

    /** The answer an earlier attempt of this write gave this item of a batch, if it carried it out. */
    Optional<Answer> earlierAnswer() {
        return writing.flatMap(w -> item.isPresent() ? Optional.ofNullable(w.items().get(item.getAsInt())) : Optional.empty());
    }

    /**
     * Runs {@code work}, which carries out this call's command through the core; for a write under an
     * Idempotency-Key, {@code accepted}'s answer to the events it stores is stored in their transaction.
     */
    Result carryingOut(Function<List<RecordedEvent>, Answer> accepted, Supplier<Result> work) {
        return carryingOutOnce(accepted, work).orElseThrow(() -> new IllegalStateException(
                "a write that claims its key with its events carries out its command through Commands.carryOut"));
    }

    /**
     * Runs {@code work} as {@link #carryingOut} does; for a write that claims its key with its events, empty if the key
     * was held when they came to be stored: then nothing was stored, and the answer is the one kept under the key
     * (which {@link ApiServer} gives).
     */
    Optional<Result> carryingOutOnce(Function<List<RecordedEvent>, Answer> accepted, Supplier<Result> work) {
        if (writing.isEmpty()) {
            return Optional.of(work.get());
        }
        Writing w = writing.get();
        Optional<Result> result;
        if (w.requestHash().isPresent()) {
            if (w.answered().get() || w.held().get()) {
                throw new IllegalStateException("a write that claims its key with its events carries out one command");
            }
            result = w.idempotency().claimingWithEvents(w.apiKey(), w.key(), w.requestHash().get(), accepted, work);
            w.held().set(result.isEmpty());
        } else {
            result = Optional.of(w.idempotency().answering(w.apiKey(), w.key(), item, accepted, work));
        }
        if (item.isEmpty() && result.orElse(null) instanceof Result.Accepted a && !a.events().isEmpty()) {
            w.answered().set(true);
        }
        return result;
    }

    /**
     * Whether this write claims its key with its events and found it held: it stored nothing, and answers what is kept
     * under the key.
     */
    boolean keyHeld() {
        return writing.map(w -> w.held().get()).orElse(false);
    }

    /**
     * Whether this write's answer was stored with its events ({@link #carryingOut}), so that keeping it again is
     * not needed: the action MUST then answer what {@code accepted} made.
     */
    boolean answeredWithEvents() {
        return writing.map(w -> w.answered().get()).orElse(false);
    }

    /** The caller; only for endpoints that admit roles, where a caller is always known. */
    public Principal caller() {
        return principal.orElseThrow(() -> new IllegalStateException("a public endpoint has no caller"));
    }

    /** The request's path, which problems name as their instance. */
    public String path() {
        return context.path();
    }

    /** The path parameter {@code name}, as the route declares it. */
    public String pathParameter(String name) {
        return context.pathParam(name);
    }

    /** The path parameter {@code name} as a UUID, if it is one in lower-case hex. */
    public Optional<UUID> uuidParameter(String name) {
        String text = pathParameter(name);
        return Format.isUuid(text) ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** The query parameter {@code name}, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(context.queryParam(name));
    }

    /** The request header {@code name}, if given. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(context.header(name));
    }

    /** The field {@code name} of a {@linkplain Route#form form}'s body, if sent and not blank. */
    public Optional<String> formField(String name) {
        return Optional.ofNullable(context.formParam(name)).filter(v -> !v.isBlank());
    }

    /**
     * The text of the file sent in the field {@code name} of a {@linkplain Route#form form}'s multipart body, if one
     * was sent and is not empty; UTF-8 (a malformed byte becomes U+FFFD, which no receipt holds, so it fails checks).
     *
     * @throws java.io.IOException if the file cannot be read
     */
    public Optional<String> formFile(String name) throws java.io.IOException {
        if (context.isMultipartFormData()) {
            io.javalin.http.UploadedFile file = context.uploadedFile(name);
            if (file != null && file.size() > 0) {
                try (java.io.InputStream in = file.content()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    /** The caller's network address: who the rate limit counts for calls without a key. */
    public String address() {
        return context.ip();
    }

    /**
     * Where the caller reached this service: {@code scheme://address:port} of this end of the connection. Never the
     * request's {@code Host} header, which the caller chooses: a page MUST NOT tell people an address an attacker
     * picked. Behind a proxy this is the proxy's way in, not the public one; {@code public-url} says that.
     */
    public String origin() {
        String address = context.req().getLocalAddr();
        return context.scheme() + "://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + context.req().getLocalPort();
    }

    /** The body, checked against the route's shape; only for routes that take one. */
    public Fields body() {
        return new Fields((Json.Obj) body.orElseThrow(() -> new IllegalStateException("this route takes no body")));
    }

    /** {@code problem} as the answer to this call. */
    public Answer answer(Problem problem) {
        return problem.answer(path());
    }

    /** A page of a list: where it starts and how many items it holds, from the {@code cursor} and {@code limit} parameters. */
    public record PageRequest(Optional<Cursor> cursor, int limit) {}

    /** The page asked for, or the parameters that are wrong (answer it with {@link #invalidQuery}). */
    public Validation<PageRequest> page() {
        List<FieldError> errors = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        Optional<String> cursorText = query("cursor");
        if (cursorText.isPresent()) {
            cursor = Cursor.parse(cursorText.get());
            if (cursor.isEmpty()) {
                errors.add(new FieldError("cursor", "is not a cursor this server gave; start from the first page"));
            }
        }
        int limit = DEFAULT_LIMIT;
        Optional<String> limitText = query("limit");
        if (limitText.isPresent()) {
            limit = limitText.get().matches("[1-9][0-9]{0,3}") ? Integer.parseInt(limitText.get()) : 0;
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "is a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Optional<Cursor> start = cursor;
        int size = limit;
        return Validation.of(errors, () -> new PageRequest(start, size));
    }

    /** The answer to query parameters that are wrong. */
    public Answer invalidQuery(List<FieldError> errors) {
        return answer(Problem.of(ProblemType.BAD_REQUEST, "query parameters are wrong", errors));
    }

    /**
     * A page of a list as JSON, {@code {"items": [...], "next": "<link>"}}, with the link to the next page also in
     * a {@code Link} header; without {@code next} on the last page.
     *
     * @param next where the next page starts; empty on the last page
     */
    public Answer page(List<Json> items, Optional<Cursor> next, int limit) {
        Json.ObjBuilder body = Json.object().put("items", items);
        Optional<String> link = next.map(c -> path() + "?limit=" + limit + "&cursor=" + URLEncoder.encode(c.encode(), StandardCharsets.UTF_8));
        link.ifPresent(l -> body.put("next", l));
        Answer answer = Answer.json(200, body.build());
        return link.map(l -> answer.withHeader("Link", "<" + l + ">; rel=\"next\"")).orElse(answer);
    }
}
