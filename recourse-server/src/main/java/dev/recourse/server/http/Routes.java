package dev.recourse.server.http;

import static dev.recourse.server.http.Access.anyone;
import static dev.recourse.server.http.Access.roles;
import static dev.recourse.server.http.auth.ApiRole.ADMIN;
import static dev.recourse.server.http.auth.ApiRole.AUDITOR;

import dev.recourse.server.http.Route.Doc;
import dev.recourse.server.http.Route.Success;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every endpoint of the API, declared in one place: its method and path, the roles it admits, the body it takes,
 * the action that answers it (a method reference), and its description. {@link ApiServer} serves these,
 * {@link OpenApi} describes them, and the tests call each with every role.
 *
 * <p>To add an endpoint, add its action to the class of its concept and one declaration here.
 */
public final class Routes {
    private final Keys keys;

    /** The routes of these endpoints. */
    public Routes(Keys keys) {
        this.keys = keys;
    }

    /** Every route, in the order the API's description lists them. */
    public List<Route> all() {
        return List.of(
                // ---- API keys -------------------------------------------------------------------------------------
                Route.post("/v1/api-keys", roles(ADMIN), Keys.NEW_KEY, keys::make,
                        Doc.of("makeApiKey", "API keys", "Make an API key",
                                Success.json(201, Keys.MADE, "The key, shown this once."))
                                .described("Makes a key for a person, platform or tool in one role. The answer holds the key;"
                                        + " it is never shown again (a retry of the request gets the answer without it).")
                                .failing(ProblemType.REJECTED))
                        .keeping(Keys::withoutKey),
                Route.get("/v1/api-keys", roles(ADMIN, AUDITOR), keys::list,
                        Doc.of("listApiKeys", "API keys", "List API keys", Success.json(200, Keys.PAGE, "A page of keys."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.get("/v1/api-keys/{id}", roles(ADMIN, AUDITOR), keys::show,
                        Doc.of("showApiKey", "API keys", "Show an API key", Success.json(200, Keys.ISSUED, "The key, without the key itself."))
                                .failing(ProblemType.NOT_FOUND)),
                Route.post("/v1/api-keys/{id}/revoke", roles(ADMIN), keys::revoke,
                        Doc.of("revokeApiKey", "API keys", "Revoke an API key",
                                Success.json(200, Keys.ISSUED, "The key as it is now: revoked."))
                                .described("The key authenticates nobody from now on. Revoking a revoked key changes nothing.")
                                .failing(ProblemType.NOT_FOUND)),

                // ---- the API itself --------------------------------------------------------------------------------
                Route.get("/problems/{slug}", anyone(), Routes::problemType,
                        Doc.of("problemType", "API", "Describe a problem type",
                                Success.of(200, Answer.TEXT, "What the problem type means and what to do."))
                                .failing(ProblemType.NOT_FOUND)));
    }

    /** {@code GET /problems/{slug}}: what a problem type means. */
    static Answer problemType(Call call) {
        Optional<ProblemType> type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(call.pathParameter("slug"))).findFirst();
        return type.map(Problem::typePage)
                .orElseGet(() -> call.answer(Problem.of(ProblemType.NOT_FOUND, "no problem type " + call.pathParameter("slug"))));
    }
}
