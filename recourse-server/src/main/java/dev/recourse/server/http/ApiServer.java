package dev.recourse.server.http;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiKey;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The HTTP API, served by Javalin (Jetty) on virtual threads. It serves the {@link Route}s it is given and does
 * for each what every endpoint needs, in this order, before the route's action runs:
 *
 * <ol>
 *   <li>authenticates the caller ({@code Authorization: Bearer rk_...}) and checks the route admits its role: 401,
 *       403;</li>
 *   <li>limits the rate per key (per address for calls without a valid key): 429;</li>
 *   <li>reads the body: JSON only (415), at most {@link HttpSettings#maxRequestBytes} (413), well-formed (400), of
 *       the route's shape (422); a route without a shape takes no body;</li>
 *   <li>for writes, requires an {@code Idempotency-Key} (400) and gives a retry the first answer ({@link Idempotency}:
 *       409, 422), claiming the key before the action or, for a route {@link Route#claimedWithEvents}, with the events
 *       of its command.</li>
 * </ol>
 * A write open to anyone is a form of a person's page ({@code dev.recourse.server.page}): it takes a form, no key and
 * no Idempotency-Key; its action does the rest.
 *
 * <p>Every problem, whatever raised it, is answered as {@code application/problem+json} through {@link Problems}.
 */
public final class ApiServer implements AutoCloseable {
    /** The header that carries the key of a write. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The header set on an answer given again to a retry. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final Javalin app;
    private final String host;

    private ApiServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts serving {@code routes}.
     *
     * @param keys the register callers are authenticated against
     * @param idempotency where writes' answers are kept
     * @param rateLimit the limit per key (per address for calls without a valid key)
     * @param registry where request timings go
     * @param clock for the measurements
     * @param random for incident ids
     * @throws io.javalin.util.JavalinBindException if the port is taken
     */
    public static ApiServer start(HttpSettings settings, List<Route> routes, ApiKeys keys, Idempotency idempotency,
            RateLimit rateLimit, MeterRegistry registry, InstantSource clock, RandomGenerator random) {
        Serving serving = new Serving(keys, idempotency, rateLimit, new Problems(random));
        ApiMetrics metrics = new ApiMetrics(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            for (Route route : routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method().name()), route.path(), ctx -> serving.serve(route, ctx));
            }
            // Javalin's own refusals (no route: 404, not this method: 405) come as HttpResponseExceptions, which it
            // answers itself unless that class has a handler of its own.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> serving.fail(e, ctx));
            config.routes.exception(Exception.class, (e, ctx) -> serving.fail(e, ctx));
            config.requestLogger.http((ctx, millis) -> metrics.answered(ctx.method().name(),
                    Optional.ofNullable(ctx.<String>attribute(Serving.ROUTE)).orElse(ApiMetrics.UNMATCHED), ctx.statusCode(),
                    Duration.ofNanos((long) (millis * 1_000_000))));
        });
        app.start();
        return new ApiServer(app, settings.host());
    }

    /** The port served on (the one chosen, if 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The base URL: {@code http://host:port}. */
    public URI url() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** Stops serving: requests in progress are answered first. */
    @Override
    public void close() {
        app.stop();
    }

    /** What is done for every request before and around a route's action. */
    private static final class Serving {
        static final String ROUTE = "recourse.route";

        final ApiKeys keys;
        final Idempotency idempotency;
        final RateLimit rateLimit;
        final Problems problems;

        Serving(ApiKeys keys, Idempotency idempotency, RateLimit rateLimit, Problems problems) {
            this.keys = keys;
            this.idempotency = idempotency;
            this.rateLimit = rateLimit;
            this.problems = problems;
        }

        void serve(Route route, Context ctx) {
            ctx.attribute(ROUTE, route.path());
            Answer answer;
            try {
                answer = answer(route, ctx);
            } catch (Exception e) {
                answer = problems.answer(e, ctx.method().name(), ctx.path());
            }
            write(ctx, answer);
        }

        void fail(Exception e, Context ctx) {
            write(ctx, problems.answer(e, ctx.method().name(), ctx.path()));
        }

        static void write(Context ctx, Answer answer) {
            ctx.status(answer.status());
            ctx.contentType(answer.contentType());
            ctx.header("X-Content-Type-Options", "nosniff");
            answer.headers().forEach(ctx::header);
            // Straight to the response's stream (Jetty buffers it and sets its length), not as a result stream:
            // Javalin copies a result through a new 32 KiB buffer per request, the largest garbage of a request.
            try {
                answer.writeBody(ctx.outputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("the answer could not be written; the client may have gone", e);
            }
        }

        private Answer answer(Route route, Context ctx) throws Exception {
            String instance = ctx.path();
            Optional<Principal> principal = Optional.empty();
            if (route.access() instanceof Access.Roles roles) {
                Validation<Principal> caller = authenticate(ctx);
                Optional<Duration> wait = rateLimit.take(caller.isValid()
                        ? "key:" + caller.orElseThrow().keyId() : "address:" + ctx.ip());
                if (wait.isPresent()) {
                    return Problems.tooManyRequests(wait.get()).answer(instance);
                }
                if (!caller.isValid()) {
                    return Problem.of(ProblemType.UNAUTHENTICATED, caller.errors().getFirst().problem())
                            .withHeader("WWW-Authenticate", "Bearer realm=\"recourse\"").answer(instance);
                }
                Principal p = caller.orElseThrow();
                if (!roles.admits(p.role())) {
                    return Problem.of(ProblemType.FORBIDDEN, "a key in role " + p.role() + " may not " + route.method() + " "
                            + route.path() + "; it admits " + roles.roles()).answer(instance);
                }
                principal = Optional.of(p);
            }
            byte[] bytes = new byte[0];
            Optional<Json> body = Optional.empty();
            if (route.body().isPresent()) {
                if (!isJson(ctx.contentType())) {
                    return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json, not "
                            + Optional.ofNullable(ctx.contentType()).orElse("without a Content-Type")).answer(instance);
                }
                bytes = ctx.bodyAsBytes();
                Validation<Json> parsed = Json.parseUtf8(bytes);
                if (!parsed.isValid()) {
                    return Problems.malformedJson(parsed.errors().getFirst()).answer(instance);
                }
                List<FieldError> wrong = route.body().get().problems(parsed.orElseThrow());
                if (!wrong.isEmpty()) {
                    return Problems.invalid(wrong).answer(instance);
                }
                body = Optional.of(parsed.orElseThrow());
            } else if (route.isWrite()) {
                bytes = ctx.bodyAsBytes();
                if (bytes.length > 0) {
                    return Problems.invalid(List.of(new FieldError("$", "this endpoint takes no body"))).answer(instance);
                }
            }
            Call call = new Call(ctx, principal, body);
            if (!route.isWrite()) {
                // Reads; and public forms, which take no key: their action limits the rate and keeps them idempotent
                // by the form's token, or changes nothing.
                return route.action().answer(call);
            }
            return once(route, ctx, call, principal.orElseThrow(() -> new IllegalStateException(
                    "a write MUST admit roles only: " + route.path())), bytes);
        }

        /** Answers a write once per Idempotency-Key: a retry gets the first answer. */
        private Answer once(Route route, Context ctx, Call call, Principal caller, byte[] body) throws Exception {
            String key = ctx.header(IDEMPOTENCY_KEY);
            if (key == null || !Idempotency.KEY_FORM.matcher(key).matches()) {
                return Problem.of(ProblemType.BAD_REQUEST, "every write carries an Idempotency-Key", List.of(new FieldError(
                        IDEMPOTENCY_KEY, key == null ? "is required on every write; a new UUID for each new request is a good one"
                        : "is 1 to 255 visible ASCII characters"))).answer(call.path());
            }
            byte[] hash = Idempotency.requestHash(route.method().name(), ctx.path(), body);
            if (route.claiming() == Route.Claiming.WITH_EVENTS) {
                return onceWithEvents(route, call.claimingWithEvents(idempotency, caller.keyId(), key, hash), caller, key, hash);
            }
            Idempotency.Claim claim = idempotency.claim(caller.keyId(), key, hash);
            if (claim instanceof Idempotency.Claim.Fresh fresh) {
                // Acts below, storing the core's events with their answers.
                call = call.writing(idempotency, caller.keyId(), key, fresh.items());
            } else {
                return held(claim, call.path());
            }
            Answer answer;
            try {
                answer = route.action().answer(call);
            } catch (Exception | Error e) {
                release(caller, key, e);
                throw e;
            }
            if (call.answeredWithEvents()) {
                return answer;
            }
            if (isKept(answer)) {
                idempotency.keep(caller.keyId(), key, route.kept().apply(answer));
            } else {
                idempotency.release(caller.keyId(), key);
            }
            return answer;
        }

        /**
         * Answers a write that claims its key with the events of its command: it acts without a claim first; if it
         * stored its answer with its events, that is the answer. Otherwise it stored nothing: an answer worth keeping is
         * kept now unless a record holds the key, and when one does (a duplicate acted first, the request was answered
         * before, or the key belongs to another request) that record answers.
         */
        private Answer onceWithEvents(Route route, Call call, Principal caller, String key, byte[] hash) throws Exception {
            Answer answer;
            try {
                answer = route.action().answer(call);
            } catch (Exception e) {
                if (!call.keyHeld()) {
                    throw e;
                }
                // It stored nothing, a duplicate did: the duplicate's answer is the answer, whatever failed here after.
                Idempotency.Claim claim;
                try {
                    claim = idempotency.settle(caller.keyId(), key, hash, Optional.empty());
                } catch (SQLException failure) {
                    e.addSuppressed(failure);
                    throw e;
                }
                if (claim instanceof Idempotency.Claim.Fresh) {
                    throw e;
                }
                return held(claim, call.path());
            }
            if (call.answeredWithEvents()) {
                return answer;
            }
            boolean keep = !call.keyHeld() && isKept(answer);
            if (!call.keyHeld() && !keep) {
                return answer;
            }
            Idempotency.Claim claim = idempotency.settle(caller.keyId(), key, hash,
                    keep ? Optional.of(route.kept().apply(answer)) : Optional.empty());
            return claim instanceof Idempotency.Claim.Fresh ? answer : held(claim, call.path());
        }

        /** The answer to a write whose key {@code claim} says is held: by a kept answer, a request in progress, or another request. */
        private static Answer held(Idempotency.Claim claim, String instance) {
            return switch (claim) {
                case Idempotency.Claim.Answered answered -> answered.answer().withHeader(REPLAYED, "true");
                case Idempotency.Claim.InProgress ignored -> Problem.of(ProblemType.IDEMPOTENCY_KEY_IN_USE, "the first request"
                        + " with this Idempotency-Key is still being answered").withHeader("Retry-After", "1").answer(instance);
                case Idempotency.Claim.Reused ignored -> Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was"
                        + " used for another request", List.of(new FieldError(IDEMPOTENCY_KEY, "belongs to another request")))
                        .answer(instance);
                case Idempotency.Claim.Fresh ignored -> throw new IllegalArgumentException("a fresh claim holds nothing");
            };
        }

        private void release(Principal caller, String key, Throwable failure) {
            try {
                idempotency.release(caller.keyId(), key);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }

        /** Answers worth giving a retry again: not faults, and not the transient 409 and 429, which a retry may get past. */
        private static boolean isKept(Answer answer) {
            return answer.status() >= 200 && answer.status() < 500 && answer.status() != 409 && answer.status() != 429;
        }

        private Validation<Principal> authenticate(Context ctx) throws SQLException {
            String authorization = ctx.header("Authorization");
            if (authorization == null) {
                return Validation.invalid("Authorization", "send an API key as 'Authorization: Bearer rk_...'");
            }
            String[] parts = authorization.split(" ", 2);
            if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
                return Validation.invalid("Authorization", "the Authorization header is 'Bearer' and an API key");
            }
            Optional<ApiKey> key = ApiKey.parse(parts[1].strip());
            if (key.isEmpty()) {
                return Validation.invalid("Authorization", "that is not an API key");
            }
            return keys.authenticate(key.get())
                    .<Validation<Principal>>map(Validation.Valid::new)
                    .orElseGet(() -> Validation.invalid("Authorization", "this API key is unknown or revoked"));
        }

        private static boolean isJson(String contentType) {
            if (contentType == null) {
                return false;
            }
            String[] parts = contentType.split(";");
            if (!parts[0].strip().equalsIgnoreCase("application/json")) {
                return false;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].strip().split("=", 2);
                if (parameter[0].strip().equalsIgnoreCase("charset")
                        && (parameter.length < 2 || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                    return false;
                }
            }
            return true;
        }
    }
}
