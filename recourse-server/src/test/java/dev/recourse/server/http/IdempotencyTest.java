package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The records of writes' first answers, in the database. */
class IdempotencyTest {
    private static final TestClock CLOCK = new TestClock();
    private static TestApi api;
    private static UUID caller;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(HttpSettings.onPort(0), CLOCK);
        caller = api.keys.authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.ADMIN)).orElseThrow())
                .orElseThrow().keyId();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static byte[] hash(String body) {
        return Idempotency.requestHash("POST", "/v1/x", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeptAnswerIsGivenAgainWithItsHeaders() throws Exception {
        Answer answer = Answer.json(201, Json.object().put("id", "1").build()).withHeader("Location", "/v1/x/1");
        assertThat(api.idempotency.claim(caller, "kept", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
        api.idempotency.keep(caller, "kept", answer);

        assertThat(api.idempotency.claim(caller, "kept", hash("{}"))).isEqualTo(new Idempotency.Claim.Answered(answer));
    }

    @Test
    void aClaimInProgressHoldsOffRetriesUntilItIsAbandoned() throws Exception {
        api.idempotency.claim(caller, "slow", hash("{}"));

        assertThat(api.idempotency.claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.InProgress.class);
        CLOCK.advance(Service.ABANDONED_AFTER.plusSeconds(1));
        assertThat(api.idempotency.claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
        assertThat(api.idempotency.claim(caller, "slow", hash("{}"))).isInstanceOf(Idempotency.Claim.InProgress.class);
    }

    @Test
    void aReleasedClaimIsFreshAgain() throws Exception {
        api.idempotency.claim(caller, "released", hash("{}"));
        api.idempotency.release(caller, "released");

        assertThat(api.idempotency.claim(caller, "released", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }

    @Test
    void anotherRequestWithTheSameKeyIsRefused() throws Exception {
        api.idempotency.claim(caller, "other", hash("{\"a\": 1}"));

        assertThat(api.idempotency.claim(caller, "other", hash("{\"a\": 2}"))).isInstanceOf(Idempotency.Claim.Reused.class);
    }

    @Test
    void theSameKeyOfAnotherCallerIsAnotherRequest() throws Exception {
        UUID other = api.keys.authenticate(dev.recourse.server.http.auth.ApiKey.parse(api.key(ApiRole.PLATFORM)).orElseThrow())
                .orElseThrow().keyId();
        api.idempotency.claim(caller, "shared", hash("{}"));

        assertThat(api.idempotency.claim(other, "shared", hash("{}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }

    @Test
    void recordsOlderThanTheRetentionAreForgotten() throws Exception {
        api.idempotency.claim(caller, "old", hash("{}"));
        api.idempotency.keep(caller, "old", Answer.json(200, Json.object().build()));
        CLOCK.advance(Idempotency.RETENTION.plus(Duration.ofMinutes(1)));

        assertThat(api.idempotency.purge()).isPositive();
        assertThat(api.idempotency.claim(caller, "old", hash("{\"new\": true}"))).isInstanceOf(Idempotency.Claim.Fresh.class);
    }
}
