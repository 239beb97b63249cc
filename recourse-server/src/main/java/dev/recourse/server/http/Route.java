package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint, declared whole: method, path, who may call it, the body it takes, what it answers, and the action
 * that answers it. {@link Routes} declares them all; {@link ApiServer} serves them and {@link OpenApi} describes
 * them from the same declarations.
 *
 * <p>A {@link Method#POST} or {@link Method#DELETE} is a write: it MUST carry an {@code Idempotency-Key}, and a retry
 * gets the first answer (see {@link Idempotency}). It claims the key before it acts, unless it is declared
 * {@link #claimedWithEvents}.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} for a path parameter (one segment) and, last, {@code <name>} for one
 *     that takes the rest of the path, slashes included
 * @param access who may call it
 * @param body the shape of the JSON body it takes; empty for none (a body is then refused)
 * @param action what answers it
 * @param kept what of a write's answer is kept for retries: all of it, unless it holds a secret shown once
 * @param claiming when a write claims its {@code Idempotency-Key}
 * @param doc how it is described
 */
public record Route(Method method, String path, Access access, Optional<Shape> body, Action action,
        UnaryOperator<Answer> kept, Claiming claiming, Doc doc) {
    private static final Pattern PARAMETER = Pattern.compile("[{<]([a-z][a-zA-Z]*)[}>]");
    private static final Pattern PATH = Pattern.compile("(/([a-z0-9._-]+(:[a-z]+)?|\\{[a-z][a-zA-Z]*}))+(/<[a-z][a-zA-Z]*>)?");

    public Route {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a path of lower-case segments (each with an optional :action), {parameters} and a last <rest>: " + path);
        }
    }

    /** A read of {@code path}. */
    public static Route get(String path, Access access, Action action, Doc doc) {
        return new Route(Method.GET, path, access, Optional.empty(), action, UnaryOperator.identity(), Claiming.BEFORE, doc);
    }

    /** A write to {@code path} that takes a JSON body of {@code shape}. */
    public static Route post(String path, Access access, Shape body, Action action, Doc doc) {
        return new Route(Method.POST, path, access, Optional.of(body), action, UnaryOperator.identity(), Claiming.BEFORE, doc);
    }

    /** A write to {@code path} that takes no body. */
    public static Route post(String path, Access access, Action action, Doc doc) {
        return new Route(Method.POST, path, access, Optional.empty(), action, UnaryOperator.identity(), Claiming.BEFORE, doc);
    }

    /**
     * A public form at {@code path}: a POST that a page's {@code <form>} sends as
     * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, open to anyone, without a key or an
     * Idempotency-Key. Its action MUST either change nothing (it checks or shows what it is sent, such as a receipt),
     * or limit its rate per address and be idempotent by a signed token that the form carries (an appeal from a notice
     * page). Every other write admits roles only.
     */
    public static Route form(String path, Action action, Doc doc) {
        return new Route(Method.POST, path, Access.anyone(), Optional.empty(), action, UnaryOperator.identity(), Claiming.BEFORE, doc);
    }

    /** Whether this route is a public {@link #form}: a POST without a key. */
    public boolean isForm() {
        return method == Method.POST && access instanceof Access.Anyone;
    }

    /** Whether requests of this route change something, and so take a key in a role and an Idempotency-Key. */
    public boolean isWrite() {
        return method.isWrite() && !isForm();
    }

    /** This route, keeping {@code kept} of its answers for retries (to leave out a secret shown once). */
    public Route keeping(UnaryOperator<Answer> kept) {
        return new Route(method, path, access, body, action, kept, claiming, doc);
    }

    /**
     * This write, claiming its Idempotency-Key with the events of its command ({@link Claiming#WITH_EVENTS}): ONLY for
     * a write whose action changes nothing but through one command carried out by {@link Commands#carryOut}.
     */
    public Route claimedWithEvents() {
        if (!isWrite()) {
            throw new IllegalStateException("only a write claims an Idempotency-Key: " + path);
        }
        return new Route(method, path, access, body, action, kept, Claiming.WITH_EVENTS, doc);
    }

    /** When a write claims its Idempotency-Key (see {@link Idempotency}). */
    public enum Claiming {
        /**
         * Before it acts, in a transaction of its own: a second request with the key is refused at once. For every
         * write that changes anything outside the core's events (API keys, appeal claims, recalls, policies,
         * deliveries), carries out more than one command (batches), or runs work in the background.
         */
        BEFORE,
        /**
         * In the transaction of the events of its one command, with its answer: a statement and a transaction less per
         * request. Two requests with the key may both run the action, but the core stores the events of one only; the
         * other is refused in the sequencer's transaction, stores nothing, and gets the first answer (or 409 while
         * there is none). The action MUST change nothing but through one {@link Commands#carryOut}: whatever it did
         * besides would be done by each duplicate.
         */
        WITH_EVENTS
    }

    /** The HTTP methods endpoints use. */
    public enum Method {
        GET,
        POST,
        DELETE;

        /** Whether requests with this method change something, and so take an Idempotency-Key. */
        public boolean isWrite() {
            return this != GET;
        }
    }

    /** Answers one call of an endpoint. Exceptions are faults: answered 500 and logged. */
    @FunctionalInterface
    public interface Action {
        /** The answer to {@code call}. */
        Answer answer(Call call) throws Exception;
    }

    /**
     * How an endpoint is described in the API's OpenAPI document.
     *
     * @param operationId a unique camelCase name
     * @param tag the group it is listed under
     * @param summary one line
     * @param description more, in CommonMark; may be empty
     * @param success the answer when all goes well
     * @param query the query parameters it takes
     * @param failures the problems it answers beyond those every endpoint of its kind answers
     */
    public record Doc(String operationId, String tag, String summary, String description, Success success,
            List<QueryParameter> query, List<ProblemType> failures) {
        public Doc {
            query = List.copyOf(query);
            failures = List.copyOf(failures);
        }

        /** A description with no query parameters and no further failures. */
        public static Doc of(String operationId, String tag, String summary, Success success) {
            return new Doc(operationId, tag, summary, "", success, List.of(), List.of());
        }

        /** This description with {@code description}. */
        public Doc described(String text) {
            return new Doc(operationId, tag, summary, text, success, query, failures);
        }

        /** This description with further query parameters. */
        public Doc withQuery(QueryParameter... parameters) {
            List<QueryParameter> more = new ArrayList<>(query);
            more.addAll(List.of(parameters));
            return new Doc(operationId, tag, summary, description, success, more, failures);
        }

        /** This description with further problems the endpoint answers. */
        public Doc failing(ProblemType... problems) {
            List<ProblemType> more = new ArrayList<>(failures);
            more.addAll(List.of(problems));
            return new Doc(operationId, tag, summary, description, success, query, more);
        }
    }

    /**
     * A successful answer.
     *
     * @param status its status
     * @param mediaType its media type
     * @param shape the shape of its JSON body (tests check answers against it); empty for a body that is not JSON
     * @param description what it is
     */
    public record Success(int status, String mediaType, Optional<Shape> shape, String description) {
        /** A JSON answer of {@code shape}. */
        public static Success json(int status, Shape shape, String description) {
            return new Success(status, Answer.JSON, Optional.of(shape), description);
        }

        /** An answer of another media type. */
        public static Success of(int status, String mediaType, String description) {
            return new Success(status, mediaType, Optional.empty(), description);
        }
    }

    /** A query parameter: its name, its shape and what it does. */
    public record QueryParameter(String name, Json.Obj schema, String description) {}

    /** The names of the path parameters, in order. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
