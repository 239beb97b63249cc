package dev.recourse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load generator's own HTTP/1.1 client against the real service, served on loopback. */
class SocketClientTest {
    private static Path work;
    private static LoadGenerator.InProcess served;
    private static String admin;

    @BeforeAll
    static void serve() throws Exception {
        work = Files.createTempDirectory("socket-client-");
        served = LoadGenerator.InProcess.start(work);
        admin = served.service().keys().make(new Pseudonym("test-admin"), ApiRole.ADMIN, Optional.empty()).key().reveal();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            served.close();
        } finally {
            LoadGenerator.delete(work);
        }
    }

    private static String text(Client.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aGetGetsTheStatusAndTheWholeBody() throws Exception {
        try (SocketClient client = new SocketClient(served.service().url())) {
            Client.Reply reply = client.get("/v1/api-keys", admin);

            assertThat(reply.status()).as(text(reply)).isEqualTo(200);
            assertThat(Json.parseUtf8(reply.body()).orElseThrow()).as(text(reply)).isInstanceOf(Json.Obj.class);
        }
    }

    @Test
    void aPostCarriesItsBodyItsKeyAndItsIdempotencyKey() throws Exception {
        try (SocketClient client = new SocketClient(served.service().url())) {
            Client.Reply made = client.post("/v1/api-keys", admin, "socket-client-post",
                    "{\"name\":\"socket-client\",\"role\":\"platform\"}");
            Client.Reply again = client.post("/v1/api-keys", admin, "socket-client-post",
                    "{\"name\":\"socket-client\",\"role\":\"platform\"}");

            assertThat(made.status()).as(text(made)).isEqualTo(201);
            assertThat(text(made)).contains("\"key\":\"rk_");
            assertThat(again.status()).as("the retry gets the first answer").isEqualTo(201);
        }
    }

    @Test
    void aRefusalIsAnAnswerWithItsProblem() throws Exception {
        try (SocketClient client = new SocketClient(served.service().url())) {
            Client.Reply refused = client.get("/v1/api-keys", "rk_not-a-key");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(text(refused)).contains("\"status\":401");
        }
    }

    @Test
    void manyRequestsOneAfterAnotherShareOneConnectionAndEachGetsItsOwnAnswer() throws Exception {
        try (SocketClient client = new SocketClient(served.service().url())) {
            for (int i = 0; i < 50; i++) {
                Client.Reply reply = i % 2 == 0 ? client.get("/v1/api-keys", admin) : client.get("/v1/api-keys", "rk_wrong");

                assertThat(reply.status()).isEqualTo(i % 2 == 0 ? 200 : 401);
            }
        }
    }

    @Test
    void onlyPlainHttpIsSpoken() {
        assertThatThrownBy(() -> new SocketClient(URI.create("https://127.0.0.1:8443")))
                .hasMessageContaining("plain http");
    }
}
