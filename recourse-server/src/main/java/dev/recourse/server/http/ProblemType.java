package dev.recourse.server.http;

import java.util.Locale;

/**
 * The kinds of problem the API answers (RFC 9457), each with its status and title. A problem's {@code type} is
 * {@code /problems/<slug>}, which the server answers with the description.
 */
public enum ProblemType {
    /** The body is not JSON (RFC 8259, read strictly: no duplicate names, no trailing commas, UTF-8). */
    MALFORMED_JSON(400, "The body is not JSON",
            "The request body is not well-formed JSON. The errors name the place, as a JSON path, and the character."),
    /** A header, a query parameter or a path parameter is missing or wrong. */
    BAD_REQUEST(400, "The request is not valid",
            "A header, query parameter or path parameter is missing or wrong; the errors name it."),
    /** The body is JSON but not what the endpoint takes: an unknown field, a missing one, a wrong type or value. */
    INVALID_REQUEST(422, "The request does not hold",
            "The body is JSON but not what this endpoint takes; each error names a field by its JSON path. Nothing was"
                    + " stored."),
    /** The core refused the command: it would break a rule of due process, or refers to what is not there. */
    REJECTED(422, "The request was refused",
            "Recourse refused the request: it would break a rule (a statement of reasons missing a field, an appeal"
                    + " after its deadline, a reviewer who took part in the decision, ...). Each error names the field"
                    + " at fault; statement fields by their DSA Transparency Database names. Nothing was stored."),
    /** No API key, or one that is unknown or revoked. */
    UNAUTHENTICATED(401, "An API key is needed",
            "Send a valid API key as 'Authorization: Bearer rk_...'."),
    /** The key is valid but its role may not use this endpoint. */
    FORBIDDEN(403, "Not allowed for this role",
            "The API key is valid, but its role may not use this endpoint. Each endpoint lists the roles it admits."),
    /** Nothing is at this path, or the thing named does not exist. */
    NOT_FOUND(404, "Not found", "Nothing is at this path, or the thing it names does not exist."),
    /** The path exists, but not with this method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed", "The path exists, but not with this method; see the Allow header."),
    /** Others changed the same case while this request was decided. */
    CONTENDED(409, "Try again",
            "Others changed the same case while this request was decided, and nothing was stored. Retry it with the"
                    + " same Idempotency-Key."),
    /** Another reviewer holds a claim on the appeal. */
    ALREADY_CLAIMED(409, "Another reviewer works on this",
            "Another reviewer claimed this appeal and works on it; the claim lapses an hour after it was last renewed."
                    + " Take another from the queue."),
    /** A request with the same Idempotency-Key is still being answered. */
    IDEMPOTENCY_KEY_IN_USE(409, "A request with this Idempotency-Key is in progress",
            "The first request with this Idempotency-Key has not been answered yet. Retry later with the same key."),
    /** The Idempotency-Key was used before for a different request. */
    IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key belongs to another request",
            "This Idempotency-Key was used before with another method, path or body. Use a new key for a new request."),
    /** The body is larger than the server takes. */
    CONTENT_TOO_LARGE(413, "The body is too large", "The request body is larger than the server accepts."),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "Send JSON", "This endpoint takes a body of type application/json."),
    /** Too many requests with this key (or, without one, from this address). */
    TOO_MANY_REQUESTS(429, "Too many requests", "Too many requests in a short time; retry after the Retry-After seconds."),
    /** Not available at the moment: the log has not caught up, or the database is unreachable. */
    UNAVAILABLE(503, "Not available yet", "The answer is not available at the moment; retry after the Retry-After seconds."),
    /** A fault of the server; it is logged with the incident id given. */
    INTERNAL(500, "Something went wrong on our side",
            "The server failed to answer. Nothing is known to have been stored; the incident id finds the details"
                    + " in the server's log."),
    /** The request did not arrive whole in time. */
    REQUEST_TIMEOUT(408, "The request took too long", "The request did not arrive whole in time; send it again."),
    /** The URL is longer than the server reads. */
    URI_TOO_LONG(414, "The URL is too long", "The request's URL is longer than the server reads."),
    /** The headers are larger than the server reads. */
    HEADERS_TOO_LARGE(431, "The headers are too large", "The request's header section is larger than the server reads."),
    /** A method the server does not know at all. */
    NOT_IMPLEMENTED(501, "Not implemented", "The server does not know this method for any path."),
    /** An HTTP version other than 1.0, 1.1 or 2. */
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported", "Send HTTP/1.1 or HTTP/2.");

    private final int status;
    private final String title;
    private final String description;

    ProblemType(int status, String title, String description) {
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** The HTTP status of this kind of problem. */
    public int status() {
        return status;
    }

    /** A short summary that does not change from occurrence to occurrence. */
    public String title() {
        return title;
    }

    /** What it means and what to do, for the problem type's page. */
    public String description() {
        return description;
    }

    /** The type's name in its URI: {@code invalid-request}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type's URI, relative to the server: {@code /problems/invalid-request}. */
    public String uri() {
        return "/problems/" + slug();
    }
}
