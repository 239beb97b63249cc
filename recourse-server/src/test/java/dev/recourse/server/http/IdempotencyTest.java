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
    static final TestApi api = new TestApi(HttpSettings.onPort(0), CLOCK, failingAfterTheCommit());
    private static UUID caller;

    @BeforeAll
    static void start() throws Exception {
        caller = api.keys().authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.ADMIN)).orElseThrow())
                .orElseThrow().keyId();
    }

    /** A route that receives a notice, then fails as a process that stops after the commit would. */
    private static Route failingAfterTheCommit() {
        return Route.post("/v1/test/notice-then-fail", Access.roles(ApiRole.PLATFORM), Intake.NOTICE, call -> {
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
        Client.Request first = api.client().post("/v1/test/notice-then-fail").key(api.key(ApiRole.PLATFORM))
                .idempotencyKey("fails-after-commit").json(Bodies.notice("fail-1", "owner-f"));
        long before = api.events();
        assertThat(first.send().status()).isEqualTo(500);
        long after = api.events();

        Client.Reply retry = api.client().post("/v1/test/notice-then-fail").key(api.key(ApiRole.PLATFORM))
                .idempotencyKey("fails-after-commit").json(Bodies.notice("fail-1", "owner-f")).send();

        assertThat(after).isGreaterThan(before);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(retry.header(ApiServer.REPLAYED)).contains("true");
        assertThat(api.events()).isEqualTo(after);
    }
}
