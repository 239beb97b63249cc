package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every endpoint gets from the plumbing: authentication, problems, idempotency, paging; on a real database. */
class ApiServerTest {
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    @RegisterExtension
    static final TestApi api = new TestApi(testRoutes());

    /** A route that always fails, and one that fails the first time only. */
    private static Route[] testRoutes() {
        Route fault = Route.get("/test/fault", Access.roles(ApiRole.ADMIN), call -> {
            throw new IllegalStateException("a secret detail of the fault");
        }, Route.Doc.of("fault", "test", "fails", Route.Success.of(200, Answer.TEXT, "never")));
        Route flaky = Route.post("/test/flaky", Access.roles(ApiRole.ADMIN), call -> {
            if (FLAKY_CALLS.incrementAndGet() == 1) {
                throw new IllegalStateException("the first call fails");
            }
            return Answer.json(201, Json.object().put("calls", Json.of(FLAKY_CALLS.get())).build());
        }, Route.Doc.of("flaky", "test", "fails once", Route.Success.of(201, Answer.JSON, "the second time")));
        return new Route[] {fault, flaky};
    }

    private String admin() {
        return api.key(ApiRole.ADMIN);
    }

    private static void assertProblem(Client.Reply reply, ProblemType type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(type.status());
        assertThat(reply.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        Json.Obj problem = reply.json();
        assertThat(problem.get("type")).isEqualTo(Json.of(type.uri()));
        assertThat(problem.get("title")).isEqualTo(Json.of(type.title()));
        assertThat(problem.get("status")).isEqualTo(Json.of(type.status()));
        assertThat(problem.get("detail")).isInstanceOf(Json.Str.class);
        assertThat(problem.get("instance")).isInstanceOf(Json.Str.class);
    }


    @Test
    void anAnswerStatesItsLength() {
        Client.Reply reply = api.client().get("/v1/api-keys").key(admin()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Length")).contains(Integer.toString(reply.body().length));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Client.Reply reply = api.client().get("/v1/nothing-here").send();

        assertProblem(reply, ProblemType.NOT_FOUND);
        assertThat(reply.json().get("instance")).isEqualTo(Json.of("/v1/nothing-here"));
    }

    @Test
    void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblemNamingTheOthers() {
        Client.Reply reply = api.client().method("DELETE", "/v1/api-keys").key(admin()).send();

        assertProblem(reply, ProblemType.METHOD_NOT_ALLOWED);
        assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void withoutAKeyTheAnswerIsUnauthenticatedWithABearerChallenge() {
        Client.Reply reply = api.client().get("/v1/api-keys").send();

        assertProblem(reply, ProblemType.UNAUTHENTICATED);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"recourse\"");
    }

    @Test
    void anUnknownKeyIsUnauthenticated() {
        String unknown = dev.recourse.server.http.auth.ApiKey.generate(new java.security.SecureRandom()).reveal();

        assertProblem(api.client().get("/v1/api-keys").key(unknown).send(), ProblemType.UNAUTHENTICATED);
    }

    @Test
    void somethingThatIsNotAKeyIsUnauthenticated() {
        assertProblem(api.client().get("/v1/api-keys").key("password").send(), ProblemType.UNAUTHENTICATED);
        assertProblem(api.client().get("/v1/api-keys").header("Authorization", "Basic YTpi").send(), ProblemType.UNAUTHENTICATED);
    }

    @Test
    void aRevokedKeyIsUnauthenticated() throws Exception {
        var made = api.keys().make(new dev.recourse.core.decider.Pseudonym("soon-revoked"), ApiRole.AUDITOR, java.util.Optional.empty());
        assertThat(api.client().get("/v1/api-keys").key(made.key().reveal()).send().status()).isEqualTo(200);

        api.keys().revoke(made.issued().id());

        assertProblem(api.client().get("/v1/api-keys").key(made.key().reveal()).send(), ProblemType.UNAUTHENTICATED);
    }

    @Test
    void aKeyWhoseRoleTheEndpointDoesNotAdmitIsForbidden() {
        Client.Reply reply = api.get(ApiRole.MODERATOR, "/v1/api-keys");

        assertProblem(reply, ProblemType.FORBIDDEN);
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsUnsupported() {
        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("k-415")
                .header("Content-Type", "text/plain").json("{\"name\":\"x\",\"role\":\"admin\"}").send();

        assertProblem(reply, ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void malformedJsonIsABadRequestNamingWhereItBreaks() {
        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("k-400")
                .json("{\"name\": \"x\", \"role\": }").send();

        assertProblem(reply, ProblemType.MALFORMED_JSON);
        assertThat(reply.fields()).containsExactly("$.role");
        assertThat(reply.text()).contains("at character 22");
    }

    @Test
    void unknownFieldsAndWrongValuesAreNamedByTheirPaths() {
        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("k-422")
                .json("{\"name\": \"has spaces\", \"role\": \"king\", \"nonsense\": true}").send();

        assertProblem(reply, ProblemType.INVALID_REQUEST);
        assertThat(reply.fields()).containsExactlyInAnyOrder("$.nonsense", "$.name", "$.role");
    }

    @Test
    void aBodyLargerThanTheLimitIsTooLarge() {
        String large = "{\"name\": \"" + "x".repeat(HttpSettings.DEFAULT_MAX_REQUEST_BYTES) + "\", \"role\": \"admin\"}";

        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("k-413").json(large).send();

        assertProblem(reply, ProblemType.CONTENT_TOO_LARGE);
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsABadRequestNamingTheHeader() {
        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).json("{\"name\": \"n\", \"role\": \"auditor\"}").send();

        assertProblem(reply, ProblemType.BAD_REQUEST);
        assertThat(reply.fields()).containsExactly("Idempotency-Key");
    }

    @Test
    void aRetryGetsTheFirstAnswerWithoutActingTwiceAndWithoutTheSecret() throws Exception {
        String body = "{\"name\": \"retried\", \"role\": \"auditor\"}";
        Client.Reply first = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("retry-1").json(body).send();
        Client.Reply retry = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("retry-1").json(body).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("key")).isInstanceOf(Json.Str.class);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(ApiServer.REPLAYED)).contains("true");
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.json().get("key")).isNull();
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        long named = api.keys().list(java.util.OptionalLong.empty(), 500).stream()
                .filter(k -> k.issued().name().value().equals("retried")).count();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        api.client().post("/v1/api-keys").key(admin()).idempotencyKey("reused").json("{\"name\": \"one\", \"role\": \"auditor\"}").send();

        Client.Reply reply = api.client().post("/v1/api-keys").key(admin()).idempotencyKey("reused")
                .json("{\"name\": \"two\", \"role\": \"auditor\"}").send();

        assertProblem(reply, ProblemType.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aFaultIsAnsweredWithAnIncidentIdAndNoDetailOfIt() {
        Client.Reply reply = api.client().get("/test/fault").key(admin()).send();

        assertProblem(reply, ProblemType.INTERNAL);
        assertThat(reply.json().get("incident")).isInstanceOf(Json.Str.class);
        assertThat(reply.text()).doesNotContain("secret detail", "IllegalStateException", "at dev.recourse");
    }

    @Test
    void aWriteThatFailedIsDoneByItsRetry() {
        Client.Reply failed = api.client().post("/test/flaky").key(admin()).idempotencyKey("flaky-1").send();
        Client.Reply retry = api.client().post("/test/flaky").key(admin()).idempotencyKey("flaky-1").send();

        assertProblem(failed, ProblemType.INTERNAL);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(ApiServer.REPLAYED)).isEmpty();
    }

    @Test
    void aWriteWithoutABodyRefusesOne() {
        Client.Reply reply = api.client().post("/test/flaky").key(admin()).idempotencyKey("flaky-body").json("{}").send();

        assertProblem(reply, ProblemType.INVALID_REQUEST);
    }

    @Test
    void listsArePagedByCursorWithNextLinks() {
        for (int i = 0; i < 5; i++) {
            api.client().post("/v1/api-keys").key(admin()).idempotencyKey("page-" + i)
                    .json("{\"name\": \"paged-" + i + "\", \"role\": \"auditor\"}").send();
        }
        Set<Json> seen = new HashSet<>();
        String next = "/v1/api-keys?limit=3";
        int pages = 0;
        while (next != null) {
            Client.Reply page = api.client().get(next).key(admin()).send();
            assertThat(page.status()).isEqualTo(200);
            List<Json> items = ((Json.Arr) page.json().get("items")).elements();
            assertThat(items).hasSizeLessThanOrEqualTo(3);
            items.forEach(item -> assertThat(seen.add(((Json.Obj) item).get("id"))).isTrue());
            next = page.json().get("next") instanceof Json.Str s ? s.value() : null;
            if (next != null) {
                assertThat(page.header("Link")).contains("<" + next + ">; rel=\"next\"");
            }
            pages++;
        }
        assertThat(seen.size()).isGreaterThanOrEqualTo(ApiRole.values().length + 5);
        assertThat(pages).isEqualTo((seen.size() + 2) / 3);
    }

    @Test
    void aCursorTheServerDidNotGiveIsABadRequest() {
        Client.Reply reply = api.client().get("/v1/api-keys?cursor=not-a-cursor&limit=0").key(admin()).send();

        assertProblem(reply, ProblemType.BAD_REQUEST);
        assertThat(reply.fields()).containsExactly("cursor", "limit");
    }

    @Test
    void eachProblemTypeIsDescribedAtItsUri() {
        Client.Reply reply = api.client().get(ProblemType.REJECTED.uri()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType().replace(" ", "")).isEqualTo(Answer.TEXT.replace(" ", ""));
        assertThat(reply.text()).startsWith(ProblemType.REJECTED.title());
    }
}
