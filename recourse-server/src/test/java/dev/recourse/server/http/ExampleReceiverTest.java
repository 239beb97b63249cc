package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Result;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.delivery.Backoff;
import dev.recourse.server.delivery.Deliveries;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.delivery.Endpoint;
import dev.recourse.server.delivery.Letters;
import dev.recourse.server.delivery.Outbox;
import dev.recourse.server.delivery.WebhookSecret;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.TestCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The example receiver of docs/examples runs as the docs say (the JDK's source launcher) and works: it takes a signed
 * action, refuses what is not signed, and acknowledges the action through the API.
 */
class ExampleReceiverTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "ActionReceiver.java");

    @Test
    void theExampleReceiverVerifiesAndAcknowledgesAnAction() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        InstantSource clock = InstantSource.system();
        try (TestApi api = new TestApi(HttpSettings.onPort(0), clock).start()) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder builder = new ProcessBuilder(java, EXAMPLE.toString()).redirectErrorStream(true);
            builder.environment().put("WEBHOOK_SECRET", secret.reveal());
            builder.environment().put("RECOURSE_URL", api.server().url().toString());
            builder.environment().put("RECOURSE_API_KEY", api.key(ApiRole.PLATFORM));
            builder.environment().put("PORT", "0");
            assertThat(EXAMPLE).exists();
            Process receiver = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))
                    .lines().forEach(output::add));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> output.stream().anyMatch(l -> l.startsWith("listening on ")));
                URI base = URI.create(output.stream().filter(l -> l.startsWith("listening on ")).findFirst().orElseThrow()
                        .substring("listening on ".length()));

                Client.Reply forged = new Client(base).post("/recourse/actions").header("webhook-id", "forged")
                        .header("webhook-timestamp", Long.toString(clock.instant().getEpochSecond()))
                        .header("webhook-signature", "v1,Zm9yZ2Vk").json("{\"type\":\"action.lift\"}").send();
                assertThat(forged.status()).isEqualTo(401);

                PageLinks links = new PageLinks(URI.create("https://recourse.example"), new byte[32]);
                DeliverySettings settings = new DeliverySettings(Optional.of(new Endpoint(base.resolve("/recourse/actions"), secret)),
                        Optional.of(new Endpoint(base.resolve("/recourse/messages"), secret)), Optional.empty(),
                        new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(2)), Duration.ofMillis(50));
                try (Outbox outbox = Outbox.start(settings, api.store().events(), new Deliveries(api.store().dataSource(), clock),
                        Letters.of(api.store().events(), id -> api.store().readModel().caseById(id).map(c -> StreamId.of(c.subject())), links),
                        clock, new SecureRandom(), new SimpleMeterRegistry())) {
                    Subject post = TestCases.post("p-1", "acct-1");
                    Result.Accepted noticed = (Result.Accepted) api.store().dueProcess().handle(TestCases.notice(post, "u-1"));
                    NoticeId notice = noticed.events().stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                            .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
                    api.store().dueProcess().handle(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA));

                    await().atMost(Duration.ofSeconds(60)).until(() -> applied(api).size() == 1);
                }
                // The receiver prints its acknowledgement's answer after Recourse recorded it.
                await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(l -> l.startsWith("acknowledged ") && l.endsWith(": 200")));
                assertThat(output).anyMatch(l -> l.startsWith("message "));
            } finally {
                receiver.destroy();
                receiver.waitFor();
            }
        }
    }

    private static List<Json> applied(TestApi api) {
        Client.Reply page = api.get(ApiRole.AUDITOR, "/v1/actions?state=applied");
        return ((Json.Arr) page.json().get("items")).elements();
    }
}
