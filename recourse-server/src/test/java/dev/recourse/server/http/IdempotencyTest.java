package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.process.Result;
import dev.recourse.store.TestCases;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import dev.recourse.server.http.auth.ApiRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The records of writes' first answers, in the database. */
class IdempotencyTest {
    private static final TestClock CLOCK = new TestClock();
    @RegisterExtension
    static final TestApi api = new TestApi(HttpSettings.onPort(0), CLOCK, failingAfterTheCommit(),
            failingAfterTheCommit("/v1/test/notice-then-fail-claimed-with-events").claimedWithEvents());
    private static UUID caller;

    @BeforeAll
    static void start() throws Exception {
        caller = api.keys().authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.ADMIN)).orElseThrow())
                .orElseThrow().keyId();
    }

    /** A route that receives a notice, then fails as a process that stops after the commit would. */
    private static Route failingAfterTheCommit() {
        return failingAfterTheCommit("/v1/test/notice-then-fail");
    }

    /** {@link #failingAfterTheCommit()} at {@code path}. */
    private static Route failingAfterTheCommit(String path) {
        return Route.post(path, Access.roles(ApiRole.PLATFORM), Intake.NOTICE, call -> {
            new Intake(api.store().dueProcess(), api.links()).notice(call);
            throw new IOException("stopped after the commit");
        }, Route.Doc.of("noticeThenFail", "Test", "Fails after the commit", Route.Success.json(201, Intake.RECEIVED, "")));
    }

    private static byte[] hash(String body) {
        return Idempotency.requestHash("POST", "/v1/x", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeptAnswerIsGivenAgainWithItsHeaders() throws Exception {
        Answer answer = Answer.json(201, Json.object().put("id", "1").build()).withHeader("Location", "/v1/x/1");
        assertThat(api.idempotency().claim(caller, "kept", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
        api.idempotency().keep(caller, "kept", answer);

        assertThat(api.idempotency().claim(caller, "kept", hash("{}"))).isEqualTo(new Idempotency.Claim.Answered(answer));
    }

    @Test
    void aClaimInProgressHoldsOffRetriesUntilItIsAbandoned() throws Exception {
        api.idempotency().claim(caller, "slow", hash("{}"));

        assertThat(api.idempotency().claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.InProgress.class);
        CLOCK.advance(Service.ABANDONED_AFTER.plusSeconds(1));
        assertThat(api.idempotency().claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
        assertThat(api.idempotency().claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.InProgress.class);
    }

    @Test
    void aReleasedClaimIsFreshAgain() throws Exception {
        api.idempotency().claim(caller, "released", hash("{}"));
        api.idempotency().release(caller, "released");

        assertThat(api.idempotency().claim(caller, "released", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }

    @Test
    void anotherRequestWithTheSameKeyIsRefused() throws Exception {
        api.idempotency().claim(caller, "other", hash("{\"a\": 1}"));

        assertThat(api.idempotency().claim(caller, "other", hash("{\"a\": 2}"))).isInstanceOf(Idempotency.Claim.Reused.class);
    }

    @Test
    void theSameKeyOfAnotherCallerIsAnotherRequest() throws Exception {
        UUID other = api.keys().authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.PLATFORM)).orElseThrow())
                .orElseThrow().keyId();
        api.idempotency().claim(caller, "shared", hash("{}"));

        assertThat(api.idempotency().claim(other, "shared", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }

    @Test
    void recordsOlderThanTheRetentionAreForgotten() throws Exception {
        api.idempotency().claim(caller, "old", hash("{}"));
        api.idempotency().keep(caller, "old", Answer.json(200, Json.object().build()));
        CLOCK.advance(Idempotency.RETENTION.plus(Duration.ofMinutes(1)));

        assertThat(api.idempotency().purge()).isPositive();
        assertThat(api.idempotency().claim(caller, "old", hash("{\"new\": true}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }

    /** Carries out a notice about {@code post} under {@code key}, its answer stored with its events, and keeps nothing after. */
    private static Answer noticeWithoutKeeping(String key, OptionalInt item, String post) {
        Result result = api.idempotency().answering(caller, key, item, events -> Answer.json(201, Json.object()
                .put("position", Json.of(events.getFirst().position())).build()),
                () -> api.store().dueProcess().handle(TestCases.notice(TestCases.post(post, "owner-" + post), "nora")));
        List<RecordedEvent> events = ((Result.Accepted) result).events();
        return Answer.json(201, Json.object().put("position", Json.of(events.getFirst().position())).build());
    }

    @Test
    void aWriteWhoseProcessStoppedAfterTheCommitIsAnsweredFromItsTransaction() throws Exception {
        api.idempotency().claim(caller, "stopped", hash("{}"));
        Answer first = noticeWithoutKeeping("stopped", OptionalInt.empty(), "stopped-1");

        assertThat(api.idempotency().claim(caller, "stopped", hash("{}"))).isEqualTo(new Idempotency.Claim.Answered(first));
    }

    @Test
    void aWriteKeptAfterItsTransactionStoredTheAnswerKeepsTheFirst() throws Exception {
        api.idempotency().claim(caller, "twice", hash("{}"));
        Answer first = noticeWithoutKeeping("twice", OptionalInt.empty(), "twice-1");
        api.idempotency().keep(caller, "twice", first);

        assertThat(api.idempotency().claim(caller, "twice", hash("{}"))).isEqualTo(new Idempotency.Claim.Answered(first));
    }

    @Test
    void aBatchReleasedAfterSomeItemsCommittedIsRetriedWithTheirAnswersAtOnce() throws Exception {
        api.idempotency().claim(caller, "batch", hash("{}"));
        Answer item1 = noticeWithoutKeeping("batch", OptionalInt.of(1), "batch-1");
        api.idempotency().release(caller, "batch");

        assertThat(api.idempotency().claim(caller, "batch", hash("{}"))).isEqualTo(new Idempotency.Claim.Fresh(Map.of(1, item1)));
    }

    @Test
    void aRetriedRequestWhoseActionFailedAfterTheCoreCommittedGetsTheFirstAnswerAndActsOnce() {
        retriedAfterTheActionFailedGetsTheFirstAnswerAndActsOnce("/v1/test/notice-then-fail", "fails-after-commit", "fail-1");
    }

    @Test
    void aRetriedRequestClaimingItsKeyWithItsEventsWhoseActionFailedAfterTheCommitGetsTheFirstAnswerAndActsOnce() {
        retriedAfterTheActionFailedGetsTheFirstAnswerAndActsOnce("/v1/test/notice-then-fail-claimed-with-events",
                "with-events-fails-after-commit", "fail-2");
    }

    /** A notice about {@code post} to {@code path}, whose action fails after the commit, then its retry. */
    private static void retriedAfterTheActionFailedGetsTheFirstAnswerAndActsOnce(String path, String key, String post) {
        Client.Request first = api.client().post(path).key(api.key(ApiRole.PLATFORM)).idempotencyKey(key)
                .json(Bodies.notice(post, "owner-f"));
        long before = api.events();
        assertThat(first.send().status()).isEqualTo(500);
        long after = api.events();

        Client.Reply retry = first.send();

        assertThat(after).isGreaterThan(before);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.header(ApiServer.REPLAYED)).contains("true");
        assertThat(api.events()).isEqualTo(after);
    }

    /** Sends {@code requests} at once, all with {@code key}; their replies. */
    private static List<Client.Reply> atOnce(List<Client.Request> requests) throws Exception {
        List<java.util.concurrent.Future<Client.Reply>> sent = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(requests.size());
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (Client.Request request : requests) {
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return request.send();
                }));
            }
        }
        List<Client.Reply> replies = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Client.Reply> reply : sent) {
            replies.add(reply.get());
        }
        return replies;
    }

    @Test
    void ofConcurrentDuplicatesOfAWriteClaimingItsKeyWithItsEventsExactlyOneActsAndTheOthersGetItsAnswerOr409() throws Exception {
        Json.Obj notice = Bodies.notice("racing-1", "owner-r");
        long oneNotice = api.events();
        api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("racing-0", "owner-r0"));
        oneNotice = api.events() - oneNotice;
        long before = api.events();
        List<Client.Request> duplicates = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duplicates.add(api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM)).idempotencyKey("racing").json(notice));
        }

        List<Client.Reply> replies = atOnce(duplicates);

        assertThat(api.events()).isEqualTo(before + oneNotice);
        List<Client.Reply> acted = replies.stream().filter(r -> r.status() == 201 && r.header(ApiServer.REPLAYED).isEmpty()).toList();
        assertThat(acted).hasSize(1);
        for (Client.Reply reply : replies) {
            assertThat(reply.status()).as(reply.text()).isIn(201, 409);
            if (reply.status() == 201) {
                assertThat(reply.text()).isEqualTo(acted.getFirst().text());
            } else {
                assertThat(reply.json().get("type")).isEqualTo(Json.of(ProblemType.IDEMPOTENCY_KEY_IN_USE.uri()));
            }
        }
        assertThat(duplicates.getFirst().send().text()).isEqualTo(acted.getFirst().text());
    }

    @Test
    void aKeyOfAWriteClaimingItWithItsEventsUsedAgainForAnotherRequestIsRefusedAndNothingIsStored() {
        Client.Reply first = api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM)).idempotencyKey("with-events-reused")
                .json(Bodies.notice("reused-1", "owner-u")).send();
        long stored = api.events();

        Client.Reply other = api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM)).idempotencyKey("with-events-reused")
                .json(Bodies.notice("reused-2", "owner-u")).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as(other.text()).isEqualTo(422);
        assertThat(other.fields()).containsExactly(ApiServer.IDEMPOTENCY_KEY);
        assertThat(api.events()).isEqualTo(stored);
    }

    @Test
    void aRefusalOfAWriteClaimingItsKeyWithItsEventsIsKeptAndGivenAgain() {
        Json.Obj anonymous = Bodies.with(Bodies.notice("refused-1", "owner-x"), "notifier", Json.object().put("id", "user-9").build());
        Client.Request request = api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM)).idempotencyKey("with-events-refused")
                .json(anonymous);
        Client.Reply first = request.send();

        Client.Reply retry = request.send();

        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header(ApiServer.REPLAYED)).contains("true");
        assertThat(retry.text()).isEqualTo(first.text());
    }

    @Test
    void aClaimInProgressHoldsOffAWriteClaimingItsKeyWithItsEventsAndOnceAbandonedIsGivenUpForTheRetry() throws Exception {
        Json.Obj notice = Bodies.notice("abandoned-1", "owner-a");
        UUID platform = api.keys().authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.PLATFORM)).orElseThrow())
                .orElseThrow().keyId();
        api.idempotency().claim(platform, "with-events-abandoned", Idempotency.requestHash("POST", "/v1/notices",
                JsonText.utf8(notice)));
        Client.Request request = api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM))
                .idempotencyKey("with-events-abandoned").json(notice);
        long before = api.events();

        Client.Reply inProgress = request.send();
        CLOCK.advance(Service.ABANDONED_AFTER.plusSeconds(1));
        Client.Reply abandoned = request.send();
        Client.Reply retry = request.send();

        assertThat(inProgress.status()).isEqualTo(409);
        assertThat(abandoned.status()).isEqualTo(409);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.header(ApiServer.REPLAYED)).isEmpty();
        assertThat(api.events()).isGreaterThan(before);
    }
}
