package dev.recourse.server.http;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.Principal;
import dev.recourse.server.http.shape.Fields;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One call of an endpoint, as its action sees it: who calls, the path and query parameters, and the body, already
 * checked against the endpoint's shape.
 */
public final class Call {
    /** How many items a page holds when the caller does not say. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most items a page holds. */
    public static final int MAX_LIMIT = 500;

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Context context;
    private final Optional<Principal> principal;
    private final Optional<Json> body;

    Call(Context context, Optional<Principal> principal, Optional<Json> body) {
        this.context = context;
        this.principal = principal;
        this.body = body;
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
        return UUID_FORM.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** The query parameter {@code name}, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(context.queryParam(name));
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
