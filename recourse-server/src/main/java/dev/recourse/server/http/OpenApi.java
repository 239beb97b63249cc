package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.Route.QueryParameter;
import dev.recourse.server.http.auth.ApiRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API's OpenAPI 3.1 description, built from the {@link Routes}' declarations: the paths, who may call each (the
 * {@code apiKey} security scheme and the roles, also as {@code x-roles}), the bodies' JSON Schemas from their
 * {@link dev.recourse.server.http.shape.Shape}s, the {@code Idempotency-Key} of writes, the query parameters, and
 * every problem each can answer.
 */
public final class OpenApi {
    /** The {@code cursor} query parameter of lists. */
    public static final QueryParameter CURSOR = new QueryParameter("cursor",
            Json.object().put("type", "string").put("pattern", "^[A-Za-z0-9_-]{11}$").build(),
            "Where the page starts: the cursor in the `next` link of the page before. Absent for the first page.");
    /** The {@code limit} query parameter of lists. */
    public static final QueryParameter LIMIT = new QueryParameter("limit",
            Json.object().put("type", "integer").put("minimum", Json.of(1)).put("maximum", Json.of(Call.MAX_LIMIT))
                    .put("default", Json.of(Call.DEFAULT_LIMIT)).build(),
            "How many items a page holds at most.");

    private static final String SCHEME = "apiKey";

    private OpenApi() {}

    /** The description of {@code routes}, for the API at {@code version}. */
    public static Json.Obj document(List<Route> routes, String version) {
        Map<String, Json.ObjBuilder> paths = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Route route : routes) {
            String path = route.path().replace('<', '{').replace('>', '}');
            paths.computeIfAbsent(path, p -> Json.object()).put(route.method().name().toLowerCase(java.util.Locale.ROOT), operation(route));
            tags.add(route.doc().tag());
        }
        Json.ObjBuilder pathsJson = Json.object();
        paths.forEach((path, operations) -> pathsJson.put(path, operations.build()));
        return Json.object()
                .put("openapi", "3.1.0")
                .put("info", Json.object()
                        .put("title", "Recourse API")
                        .put("version", version)
                        .put("description", "Due process for content moderation: notices, decisions with statements of"
                                + " reasons, appeals, and a verifiable public log. Every write takes an `Idempotency-Key`;"
                                + " every problem is answered as RFC 9457 `application/problem+json`.")
                        .put("license", Json.object().put("name", "Apache-2.0").put("identifier", "Apache-2.0").build())
                        .build())
                .put("tags", tags.stream().<Json>map(t -> Json.object().put("name", t).build()).toList())
                .put("paths", pathsJson.build())
                .put("components", Json.object()
                        .put("securitySchemes", Json.object().put(SCHEME, Json.object()
                                .put("type", "http")
                                .put("scheme", "bearer")
                                .put("description", "An API key, `rk_...`, made by an admin. Each key has one role.")
                                .build()).build())
                        .put("schemas", Json.object().put("Problem", problemSchema()).build())
                        .build())
                .build();
    }

    private static Json operation(Route route) {
        Route.Doc doc = route.doc();
        Json.ObjBuilder op = Json.object()
                .put("operationId", doc.operationId())
                .put("tags", Json.strings(List.of(doc.tag())))
                .put("summary", doc.summary());
        String who = switch (route.access()) {
            case Access.Anyone ignored -> "Public: no key needed.";
            case Access.Roles r -> "Roles: " + String.join(", ", EnumSet.copyOf(r.roles()).stream().map(ApiRole::apiName).toList()) + ".";
        };
        op.put("description", doc.description().isEmpty() ? who : doc.description() + "\n\n" + who);
        switch (route.access()) {
            case Access.Anyone ignored -> op.put("security", List.of());
            case Access.Roles r -> {
                op.put("security", List.of(Json.object().put(SCHEME, List.of()).build()));
                op.put("x-roles", Json.strings(EnumSet.copyOf(r.roles()).stream().map(ApiRole::apiName).toList()));
            }
        }
        List<Json> parameters = new ArrayList<>();
        for (String name : route.pathParameters()) {
            parameters.add(Json.object().put("name", name).put("in", "path").put("required", Json.of(true))
                    .put("schema", Json.object().put("type", "string").build()).build());
        }
        if (route.isWrite()) {
            parameters.add(Json.object().put("name", ApiServer.IDEMPOTENCY_KEY).put("in", "header").put("required", Json.of(true))
                    .put("description", "Identifies this request among the caller's writes: a retry with the same key and"
                            + " the same body gets the first answer, without acting twice. A new UUID per request is a good key.")
                    .put("schema", Json.object().put("type", "string").put("minLength", Json.of(1)).put("maxLength", Json.of(255))
                            .put("pattern", "^[\\x21-\\x7e]+$").build())
                    .build());
        }
        for (QueryParameter q : doc.query()) {
            parameters.add(Json.object().put("name", q.name()).put("in", "query").put("required", Json.of(false))
                    .put("description", q.description()).put("schema", q.schema()).build());
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        route.body().ifPresent(shape -> op.put("requestBody", Json.object()
                .put("required", Json.of(true))
                .put("content", Json.object().put(Answer.JSON, Json.object().put("schema", shape.schema()).build()).build())
                .build()));
        Json.ObjBuilder responses = Json.object();
        Route.Success success = doc.success();
        Json.ObjBuilder content = Json.object();
        success.shape().ifPresentOrElse(
                shape -> content.put(success.mediaType(), Json.object().put("schema", shape.schema()).build()),
                () -> content.put(success.mediaType(), Json.object().build()));
        responses.put(Integer.toString(success.status()), Json.object().put("description", success.description())
                .put("content", content.build()).build());
        problems(route).forEach((status, types) -> responses.put(Integer.toString(status), Json.object()
                .put("description", String.join("; ", types.stream().map(t -> t.title() + " (" + t.uri() + ")").toList()))
                .put("content", Json.object().put(Problem.MEDIA_TYPE, Json.object()
                        .put("schema", Json.object().put("$ref", "#/components/schemas/Problem").build()).build()).build())
                .build()));
        return op.put("responses", responses.build()).build();
    }

    /** Every problem {@code route} can answer, by status. */
    static TreeMap<Integer, Set<ProblemType>> problems(Route route) {
        Set<ProblemType> types = EnumSet.of(ProblemType.INTERNAL);
        if (route.access() instanceof Access.Roles) {
            types.addAll(List.of(ProblemType.UNAUTHENTICATED, ProblemType.FORBIDDEN, ProblemType.TOO_MANY_REQUESTS));
        }
        if (route.body().isPresent()) {
            types.addAll(List.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.MALFORMED_JSON, ProblemType.INVALID_REQUEST,
                    ProblemType.CONTENT_TOO_LARGE));
        }
        if (route.isWrite()) {
            types.addAll(List.of(ProblemType.BAD_REQUEST, ProblemType.IDEMPOTENCY_KEY_IN_USE, ProblemType.IDEMPOTENCY_KEY_REUSED,
                    ProblemType.INVALID_REQUEST));
        }
        if (!route.doc().query().isEmpty()) {
            types.add(ProblemType.BAD_REQUEST);
        }
        types.addAll(route.doc().failures());
        TreeMap<Integer, Set<ProblemType>> byStatus = new TreeMap<>();
        for (ProblemType type : types) {
            byStatus.computeIfAbsent(type.status(), s -> EnumSet.noneOf(ProblemType.class)).add(type);
        }
        return byStatus;
    }

    private static Json.Obj problemSchema() {
        Json.Obj text = Json.object().put("type", "string").build();
        return Json.object()
                .put("type", "object")
                .put("description", "RFC 9457 problem details.")
                .put("properties", Json.object()
                        .put("type", Json.object().put("type", "string").put("format", "uri-reference")
                                .put("description", "The problem type; GET it for its description.").build())
                        .put("title", text)
                        .put("status", Json.object().put("type", "integer").build())
                        .put("detail", text)
                        .put("instance", Json.object().put("type", "string").put("format", "uri-reference")
                                .put("description", "The path of the request.").build())
                        .put("errors", Json.object().put("type", "array").put("items", Json.object()
                                .put("type", "object")
                                .put("properties", Json.object()
                                        .put("field", Json.object().put("type", "string").put("description",
                                                "The field at fault: a JSON path into the body (`$.reasons.decision_ground`),"
                                                        + " or the name of a header or parameter.").build())
                                        .put("problem", text)
                                        .build())
                                .put("required", Json.strings(List.of("field", "problem")))
                                .build()).build())
                        .put("incident", Json.object().put("type", "string")
                                .put("description", "For a fault of the server: the id it is logged under.").build())
                        .build())
                .put("required", Json.strings(List.of("type", "title", "status", "detail", "instance")))
                .build();
    }
}
