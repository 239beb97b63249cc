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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Actions and messages delivered to a real HTTP receiver (the JDK's server on loopback) from the events of a real
 * store: signed by the Standard Webhooks scheme, retried after failures with backoff on a clock the test moves, dead
 * after the most attempts, replayed and acknowledged through the API.
 */
class WebhookDeliveryTest {
    private static final String ACTIONS = "/platform/actions";
    private static final String MESSAGES = "/platform/messages";
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofMinutes(1);
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private final TestClock clock = new TestClock();
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    @RegisterExtension
    final TestApi api = new TestApi(HttpSettings.onPort(0), clock);
    private Receiver receiver;
    private Outbox outbox;

    @BeforeEach
    void start() {
        receiver = new Receiver();
        PageLinks links = new PageLinks(URI.create("https://recourse.example"), new byte[32]);
        Letters letters = Letters.of(api.store().events(), id -> api.store().readModel().caseById(id).map(c -> StreamId.of(c.subject())), links);
        DeliverySettings settings = new DeliverySettings(Optional.of(new Endpoint(receiver.url(ACTIONS), secret)),
                Optional.of(new Endpoint(receiver.url(MESSAGES), secret)), Optional.empty(),
                new Backoff(MAX_ATTEMPTS, BACKOFF, Duration.ofHours(1)), Duration.ofMillis(20));
        outbox = Outbox.start(settings, api.store().events(), new Deliveries(api.store().dataSource(), clock), letters, clock,
                new SecureRandom(), registry);
    }

    @AfterEach
    void stop() {
        outbox.close();
        receiver.close();
    }

    @Test
    void anActionArrivesSignedByTheStandardWebhooksScheme() throws Exception {
        removePost();
        await().atMost(AWAIT).until(() -> !receiver.at(ACTIONS).isEmpty());
        Receiver.Received action = receiver.at(ACTIONS).getFirst();
        assertThat(action.type()).isEqualTo("action.apply");
        String id = action.header("webhook-id");
        String timestamp = action.header("webhook-timestamp");
        assertThat(id).isEqualTo(((Json.Str) action.data().get("id")).value());
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        // Computed here from the spec, not with the code under test: HMAC-SHA256 of id.timestamp.body, base64, "v1,".
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.reveal().substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        assertThat(action.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(action.body())));
    }

    @Test
    void aDeliveredActionStaysUnacknowledgedUntilThePlatformAcknowledgesIt() {
        removePost();
        String id = awaitAction("delivered");
        Client.Reply acked = acknowledge(id, "{\"result\":\"applied\"}");
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.string("state")).isEqualTo("applied");
        assertThat(ids("applied")).containsExactly(id);
        assertThat(ids("delivered")).isEmpty();
    }

    @Test
    void thePlatformAcknowledgesAFailureWithItsReason() {
        removePost();
        String id = awaitAction("delivered");
        Client.Reply acked = acknowledge(id, "{\"result\":\"failed\",\"reason\":\"post already deleted\"}");
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.string("state")).isEqualTo("failed");
        assertThat(acked.string("failureReason")).isEqualTo("post already deleted");
    }

    @Test
    void aFailureAcknowledgedWithoutAReasonIsRefusedNamingTheField() {
        removePost();
        String id = awaitAction("delivered");
        Client.Reply refused = acknowledge(id, "{\"result\":\"failed\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("$.reason");
        assertThat(ids("delivered")).containsExactly(id);
    }

    @Test
    void aRefusedActionIsRetriedAfterItsBackoffThenDeadThenReplayed() {
        receiver.answer(500);
        removePost();
        await().atMost(AWAIT).until(() -> receiver.at(ACTIONS).size() == 1);
        String id = awaitAction("pending");
        Instant first = clock.instant();
        Json.Obj pending = show(id);
        Instant next = Instant.parse(((Json.Str) pending.get("nextAttemptAt")).value());
        assertThat(next).isBetween(first.plus(BACKOFF.dividedBy(2)), first.plus(BACKOFF));
        clock.advance(Duration.ofSeconds(10));
        await().atMost(AWAIT).until(() -> registry.get("recourse.delivery.queue.age").tag("channel", "actions").gauge().value() >= 10);
        assertThat(registry.get("recourse.delivery.pending").tag("channel", "actions").gauge().value()).isEqualTo(1);

        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            // Once the attempt before is recorded (and its next one scheduled), the time passes beyond its backoff.
            int before = attempt - 1;
            await().atMost(AWAIT).until(() -> attempts(id) == before);
            clock.advance(BACKOFF.multipliedBy(4));
            int expected = attempt;
            await().atMost(AWAIT).until(() -> receiver.at(ACTIONS).size() == expected);
        }
        await().atMost(AWAIT).until(() -> state(id).equals("dead"));
        assertThat(registry.get("recourse.delivery.failures").tag("channel", "actions").counter().count()).isEqualTo(MAX_ATTEMPTS);
        assertThat(registry.get("recourse.delivery.dead").tag("channel", "actions").counter().count()).isEqualTo(1);
        assertThat(((Json.Arr) show(id).get("attempts")).elements()).hasSize(MAX_ATTEMPTS)
                .allSatisfy(a -> assertThat(((Json.Obj) a).get("detail")).isEqualTo(Json.of("HTTP 500")));
        assertThat(deadLetters()).contains(id);
        assertThat(receiver.at(ACTIONS)).extracting(r -> r.header("webhook-id")).containsOnly(id);

        receiver.answer(200);
        Client.Reply replayed = api.post(ApiRole.ADMIN, "/v1/dead-letters/" + id + "/replay");
        assertThat(replayed.status()).isEqualTo(200);
        await().atMost(AWAIT).until(() -> state(id).equals("delivered"));
        assertThat(receiver.at(ACTIONS)).hasSize(MAX_ATTEMPTS + 1);
        assertThat(registry.get("recourse.delivery.delivered").tag("channel", "actions").counter().count()).isEqualTo(1);
        assertThat(deadLetters()).doesNotContain(id);
    }

    @Test
    void everyDeadLetterIsReplayedAtOnce() {
        receiver.answer(503);
        removePost();
        // The action and the messages to the notifier and the owner, each failing until it runs out of attempts, as
        // time passes beyond every backoff.
        await().atMost(AWAIT).until(() -> {
            clock.advance(BACKOFF.multipliedBy(4));
            return ids("pending").isEmpty() && deadLetters().size() > 1 && deadLetters().size() == webhookIds().size();
        });
        int dead = deadLetters().size();
        receiver.answer(200);
        Client.Reply replayed = api.post(ApiRole.SENIOR_MODERATOR, "/v1/dead-letters/replay");
        assertThat(replayed.json().get("replayed")).isEqualTo(Json.of(dead));
        await().atMost(AWAIT).until(() -> deadLetters().isEmpty() && ids("delivered").size() == 1);
    }

    @Test
    void aPendingDeliveryIsNotReplayed() {
        receiver.answer(500);
        removePost();
        String id = awaitAction("pending");
        Client.Reply refused = api.post(ApiRole.ADMIN, "/v1/dead-letters/" + id + "/replay");
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void theNotifierIsToldInTheLanguageOfTheCaseWithALinkToTheirPage() {
        Subject post = TestCases.post("p-9", "acct-9");
        NoticeId notice = noticeOf(post);
        await().atMost(AWAIT).until(() -> !receiver.at(MESSAGES).isEmpty());
        Receiver.Received message = receiver.at(MESSAGES).getFirst();
        assertThat(message.type()).isEqualTo("message.notice_received");
        Json.Obj data = message.data();
        assertThat(data.get("language")).isEqualTo(Json.of("de"));
        assertThat(data.get("subject")).isEqualTo(Json.of("Wir haben Ihre Meldung erhalten"));
        PageLinks links = new PageLinks(URI.create("https://recourse.example"), new byte[32]);
        assertThat(data.get("link")).isEqualTo(Json.of(links.noticePage(notice).toString()));
        assertThat(((Json.Obj) data.get("recipient")).get("notice")).isEqualTo(Json.of(notice.toString()));
    }

    @Test
    void listsOfActionsRefuseAnUnknownState() {
        Client.Reply refused = api.get(ApiRole.AUDITOR, "/v1/actions?state=lost");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fields()).containsExactly("state");
    }

    /** A notice about a new post, and its removal: one action.apply and messages. */
    private void removePost() {
        Subject post = TestCases.post("p-" + UUID.randomUUID(), "acct-1");
        NoticeId notice = noticeOf(post);
        assertThat(api.store().dueProcess().handle(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA)))
                .isInstanceOf(Result.Accepted.class);
    }

    private NoticeId noticeOf(Subject post) {
        Result.Accepted accepted = (Result.Accepted) api.store().dueProcess().handle(TestCases.notice(post, "u-1"));
        return accepted.events().stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
    }

    /** The platform's acknowledgement {@code body} of action {@code id}. */
    private Client.Reply acknowledge(String id, String body) {
        return api.post(ApiRole.PLATFORM, "/v1/actions/" + id + "/ack", body);
    }

    /** Waits for the one action to be in {@code state}; its id. */
    private String awaitAction(String state) {
        await().atMost(AWAIT).until(() -> ids(state).size() == 1);
        return ids(state).getFirst();
    }

    private List<String> ids(String state) {
        Client.Reply page = api.get(ApiRole.AUDITOR, "/v1/actions?state=" + state);
        assertThat(page.status()).isEqualTo(200);
        return ((Json.Arr) page.json().get("items")).elements().stream().map(i -> ((Json.Str) ((Json.Obj) i).get("id")).value()).toList();
    }

    private List<String> deadLetters() {
        Client.Reply page = api.get(ApiRole.ADMIN, "/v1/dead-letters");
        return ((Json.Arr) page.json().get("items")).elements().stream().map(i -> ((Json.Str) ((Json.Obj) i).get("id")).value()).toList();
    }

    private Json.Obj show(String id) {
        Client.Reply reply = api.get(ApiRole.SENIOR_MODERATOR, "/v1/actions/" + id);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private int attempts(String id) {
        return ((Json.Arr) show(id).get("attempts")).elements().size();
    }

    /** The deliveries the receiver saw, by their webhook-id. */
    private Set<String> webhookIds() {
        return java.util.stream.Stream.concat(receiver.at(ACTIONS).stream(), receiver.at(MESSAGES).stream())
                .map(r -> r.header("webhook-id")).collect(java.util.stream.Collectors.toSet());
    }

    private String state(String id) {
        return ((Json.Str) show(id).get("state")).value();
    }
}
