package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.VerifierKeys;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What anyone may read (the log as static files, health, the API's description), and metrics, which need a key. */
class PublicEndpointsTest {
    @RegisterExtension
    static final TestApi api = new TestApi();
    private static long position;

    @BeforeAll
    static void start() throws Exception {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("public-1", "owner-1"));
        position = (long) ((Json.Num) notice.json().get("position")).value();
        api.store().log().awaitCovered(position).get(1, TimeUnit.MINUTES);
    }

    private static String plain(String contentType) {
        return contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void theCheckpointIsSignedTextCachedForSecondsOnly() {
        Client.Reply reply = api.client().get("/log/checkpoint").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(plain(reply.contentType())).isEqualTo("text/plain;charset=utf-8");
        assertThat(reply.header("Cache-Control")).contains("public, max-age=2");
        var key = VerifierKeys.parse(api.client().get("/log/key").send().text().strip()).orElseThrow();
        assertThat(Checkpoints.open(reply.text(), key, java.util.Optional.empty())).isInstanceOf(CheckpointResult.Valid.class);
    }

    @Test
    void aPartialTileIsServedAsBytesCachedBriefly() {
        long size = api.store().log().checkpoint().orElseThrow().size().value();
        Client.Reply reply = api.client().get("/log/tile/0/000.p/" + size).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(LogFiles.OCTETS);
        assertThat(reply.body()).hasSize((int) size * 32);
        assertThat(reply.header("Cache-Control")).contains("public, max-age=60");
        assertThat(api.client().get("/log/tile/entries/000.p/" + size).send().status()).isEqualTo(200);
    }

    @Test
    void aTilePathThatIsNotOneIsNotFound() {
        assertThat(api.client().get("/log/tile/0/0").send().status()).isEqualTo(404);
        assertThat(api.client().get("/log/tile/../../log-signer.key").send().status()).isEqualTo(404);
        assertThat(api.client().get("/log/tile/0/x000/001").send().status()).isEqualTo(404);
    }

    @Test
    void healthSaysTheDatabaseAndTheLogWork() {
        Client.Reply reply = api.client().get("/health").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Health.HEALTH.problems(reply.json())).isEmpty();
        assertThat(reply.string("status")).isEqualTo("up");
    }

    @Test
    void metricsAreInThePrometheusFormat() {
        api.client().get("/health").send();

        Client.Reply reply = api.client().get("/metrics").key(api.key(dev.recourse.server.http.auth.ApiRole.AUDITOR)).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("http_server_requests_seconds_count{", "route=\"/health\"", "recourse_ledger_log_size",
                "jvm_memory_used_bytes");
    }

    @Test
    void metricsNeedAnAuditorsOrAnAdminsKey() {
        assertThat(api.client().get("/metrics").send().status()).isEqualTo(401);
        assertThat(api.client().get("/metrics").key(api.key(dev.recourse.server.http.auth.ApiRole.PLATFORM)).send().status())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDescriptionListsEveryRouteWithItsRoles() {
        Client.Reply reply = api.client().get("/openapi.json").send();

        assertThat(reply.status()).isEqualTo(200);
        Json.Obj document = reply.json();
        assertThat(document.get("openapi")).isEqualTo(Json.of("3.1.0"));
        Json.Obj paths = (Json.Obj) document.get("paths");
        for (Route route : api.routes()) {
            Json.Obj operation = (Json.Obj) ((Json.Obj) paths.get(route.path().replace('<', '{').replace('>', '}')))
                    .get(route.method().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(operation).as(route.path()).isNotNull();
            Set<String> roles = operation.get("x-roles") instanceof Json.Arr arr
                    ? arr.elements().stream().map(e -> ((Json.Str) e).value()).collect(Collectors.toSet())
                    : Set.of();
            Set<String> declared = switch (route.access()) {
                case Access.Anyone ignored -> Set.of();
                case Access.Roles r -> EnumSet.copyOf(r.roles()).stream().map(ApiRole::apiName).collect(Collectors.toSet());
            };
            assertThat(roles).as(route.path()).isEqualTo(declared);
        }
    }

    @Test
    void everyOperationHasItsOwnId() {
        assertThat(api.routes().stream().map(r -> r.doc().operationId()).distinct().count()).isEqualTo(api.routes().size());
    }

    @Test
    void theOpenApiDescriptionNamesTheIdempotencyKeyOfEveryWrite() {
        Json.Obj paths = (Json.Obj) api.client().get("/openapi.json").send().json().get("paths");
        Json.Obj notices = (Json.Obj) ((Json.Obj) paths.get("/v1/notices")).get("post");

        List<Json> parameters = ((Json.Arr) notices.get("parameters")).elements();

        assertThat(parameters).anySatisfy(p -> assertThat(((Json.Obj) p).get("name")).isEqualTo(Json.of("Idempotency-Key")));
        assertThat(((Json.Obj) notices.get("responses")).members().keySet()).contains("201", "400", "401", "403", "409", "413",
                "415", "422", "429", "500");
    }

    @Test
    void swaggerUiIsServedFromItsWebjarPointedAtTheDescription() {
        Client.Reply page = api.client().get("/docs/api").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("url: \"/openapi.json\"", "/docs/api/swagger-ui-bundle.js");
        for (String file : List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "index.css")) {
            assertThat(api.client().get("/docs/api/" + file).send().status()).as(file).isEqualTo(200);
        }
        assertThat(api.client().get("/docs/api/oauth2-redirect.html").send().status()).isEqualTo(404);
    }

    @Test
    void theReceiptIsATlogProof() {
        Client.Reply reply = api.client().get("/v1/receipts/" + position).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).startsWith("c2sp.org/tlog-proof@v1\n");
        assertThat(dev.recourse.tlog.receipt.Receipt.parse(reply.text())).isInstanceOf(Parsed.Ok.class);
    }
}
