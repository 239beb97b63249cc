/**
 * The HTTP API. {@link dev.recourse.server.http.Routes} declares every endpoint (method, path, roles, body shape,
 * action, description); {@link dev.recourse.server.http.ApiServer} serves them on Javalin with what every endpoint
 * needs (API keys and roles, the rate limit, strict JSON bodies, idempotent writes, problem+json from
 * {@link dev.recourse.server.http.Problems}); {@link dev.recourse.server.http.OpenApi} describes them;
 * {@link dev.recourse.server.http.Service} wires it all over a {@code RecourseStore}.
 *
 * <p>To add an endpoint: write its action, {@code Answer name(Call call)}, in the class of its concept (map the
 * request to a core command with {@link dev.recourse.server.http.Commands#carryOut}), declare its body and answer as
 * {@link dev.recourse.server.http.shape.Shape}s, and add one {@link dev.recourse.server.http.Route} to
 * {@code Routes}. The role test, the OpenAPI description and the problem mapping then cover it.
 */
package dev.recourse.server.http;
