package dev.recourse.server.http;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * A problem to answer, as RFC 9457 problem details: {@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the request's path), an {@code errors} array of
 * {@code {"field", "problem"}} naming each field at fault (body fields by JSON path, e.g.
 * {@code $.reasons.decision_ground}; headers and parameters by name), and, for a fault of the server, the
 * {@code incident} id it is logged under.
 *
 * @param type the kind of problem, which gives the status and title
 * @param detail what went wrong this time, for people
 * @param errors the fields at fault; may be empty
 * @param incident the id under which a server fault is logged
 * @param headers headers to answer with (Retry-After, WWW-Authenticate, Allow)
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors, Optional<String> incident,
        SequencedMap<String, String> headers) {
    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        if (detail.isBlank()) {
            throw new IllegalArgumentException("a problem says what went wrong");
        }
        errors = List.copyOf(errors);
        headers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(headers));
    }

    /** A problem of {@code type} without field errors or headers. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of(), Optional.empty(), new LinkedHashMap<>());
    }

    /** A problem of {@code type} naming the fields at fault. */
    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type, detail, errors, Optional.empty(), new LinkedHashMap<>());
    }

    /** This problem with the header {@code name} set to {@code value}. */
    public Problem withHeader(String name, String value) {
        SequencedMap<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, detail, errors, incident, more);
    }

    /** This problem, logged under {@code id}. */
    public Problem withIncident(String id) {
        return new Problem(type, detail, errors, Optional.of(id), headers);
    }

    /** This problem as the answer to the request for {@code instance} (the request's path). */
    public Answer answer(String instance) {
        Json.ObjBuilder body = Json.object()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", Json.of(type.status()))
                .put("detail", detail)
                .put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .<Json>map(e -> Json.object().put("field", e.field()).put("problem", e.problem()).build())
                    .toList());
        }
        incident.ifPresent(id -> body.put("incident", id));
        return new Answer(type.status(), MEDIA_TYPE, JsonText.utf8(body.build()), headers);
    }

    /** The description of {@code type} served at its URI, as plain text. */
    static Answer typePage(ProblemType type) {
        return Answer.text(200, type.title() + " (HTTP " + type.status() + ")\n\n" + type.description() + "\n")
                .withHeader("Cache-Control", "public, max-age=86400");
    }
}
