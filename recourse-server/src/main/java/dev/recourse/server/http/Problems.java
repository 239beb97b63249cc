package dev.recourse.server.http;

import dev.recourse.core.FieldError;
import dev.recourse.core.Ids;
import dev.recourse.core.process.Result;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where what goes wrong becomes a problem answer: the core's rejections and contention, malformed
 * and invalid bodies, Javalin's own refusals (404, 405, 413), and faults of the server, which are logged with an
 * incident id and answered 500 without any detail of the fault.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final RandomGenerator random;

    /** Draws incident ids from {@code random}. */
    public Problems(RandomGenerator random) {
        this.random = random;
    }

    /** The core refused a command: each error names a field of the command, which {@code path} turns into the request's. */
    public static Problem rejected(Result.Rejected rejected, UnaryOperator<String> path) {
        List<FieldError> errors = rejected.errors().stream().map(e -> new FieldError(path.apply(e.field()), e.problem())).toList();
        return Problem.of(ProblemType.REJECTED, errors.size() == 1 ? errors.getFirst().toString()
                : errors.size() + " problems; see errors", errors);
    }

    /** Others changed the same stream while the command was decided; nothing was stored. */
    public static Problem contended(Result.Contended contended) {
        return Problem.of(ProblemType.CONTENDED, "the case changed while this request was decided; nothing was stored, retry it")
                .withHeader("Retry-After", "1");
    }

    /** The body is not JSON: {@code error} is where and why, from core's parser. */
    static Problem malformedJson(FieldError error) {
        return Problem.of(ProblemType.MALFORMED_JSON, error.problem(), List.of(error));
    }

    /** The body does not have the endpoint's shape. */
    static Problem invalid(List<FieldError> errors) {
        return Problem.of(ProblemType.INVALID_REQUEST, errors.size() == 1 ? errors.getFirst().toString()
                : errors.size() + " fields are wrong; see errors", errors);
    }

    /** Too many requests; the next one is allowed after {@code wait}. */
    static Problem tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Problem.of(ProblemType.TOO_MANY_REQUESTS, "slow down: the next request is allowed in " + seconds + " s")
                .withHeader("Retry-After", Long.toString(seconds));
    }

    /** The answer to {@code e}, thrown while answering the request for {@code instance}. */
    Answer answer(Exception e, String method, String instance) {
        if (e instanceof HttpResponseException refused) {
            return refusal(refused).answer(instance);
        }
        String incident = Ids.uuid(random).toString();
        LOG.error("incident {}: {} {} failed", incident, method, instance, e);
        return Problem.of(ProblemType.INTERNAL, "the server failed to answer; incident " + incident).withIncident(incident)
                .answer(instance);
    }

    /** Javalin's own refusals: no route (404), not this method (405), a body too large (413), and the like. */
    private static Problem refusal(HttpResponseException refused) {
        String allowed = refused.getDetails().get("availableMethods");
        return refusal(refused.getStatus(), refused.getMessage(), allowed == null ? null : allowed.replaceAll("[\\[\\]]", ""));
    }

    /**
     * A refusal with {@code status}, by Javalin or by Jetty before any route saw the request (a URL that does not
     * decode, headers too large, an HTTP version it does not speak): the problem type of that status, or a bad request
     * (a fault of the server, for a 5xx) when no type has it.
     *
     * @param message what the server said, if anything
     * @param allowed the methods the path takes, for a 405; null otherwise
     */
    static Problem refusal(int status, String message, String allowed) {
        return switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "nothing is at this path");
            case 405 -> {
                Problem problem = Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this path takes other methods");
                yield allowed == null ? problem : problem.withHeader("Allow", allowed);
            }
            case 413 -> Problem.of(ProblemType.CONTENT_TOO_LARGE, "the body is larger than the server takes");
            default -> Arrays.stream(ProblemType.values())
                    .filter(t -> t.status() == status)
                    .findFirst()
                    .map(t -> Problem.of(t, message == null || message.isBlank() ? t.title() : message))
                    .orElseGet(() -> status >= 500
                            ? Problem.of(ProblemType.INTERNAL, "the server could not answer (" + status + ")")
                            : Problem.of(ProblemType.BAD_REQUEST, "the server refused the request (" + status
                                    + (message == null || message.isBlank() ? "" : ": " + message) + ")"));
        };
    }
}
