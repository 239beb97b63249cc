package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final TestClock clock = new TestClock();

    @Test
    void aBurstIsAllowedThenTheRate() throws Exception {
        RateLimit limit = RateLimit.inMemory(2, 3, clock);

        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).contains(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(limit.take("a")).isEmpty();
    }

    @Test
    void eachCallerHasItsOwnBucket() throws Exception {
        RateLimit limit = RateLimit.inMemory(1, 1, clock);

        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("b")).isEmpty();
        assertThat(limit.take("a")).isPresent();
    }

    @Test
    void aRateOfZeroLetsEverythingThrough() throws Exception {
        RateLimit limit = RateLimit.inMemory(0, 1, clock);

        for (int i = 0; i < 100; i++) {
            assertThat(limit.take("a")).isEmpty();
        }
    }

    @Test
    void aKeyOverItsRateIsAnsweredTooManyRequestsWithRetryAfter() throws Exception {
        try (TestApi api = new TestApi(new HttpSettings(HttpSettings.DEFAULT_HOST, 0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, 1, 2), clock).start()) {
            String key = api.key(dev.recourse.server.http.auth.ApiRole.AUDITOR);
            assertThat(api.client().get("/v1/api-keys").key(key).send().status()).isEqualTo(200);
            assertThat(api.client().get("/v1/api-keys").key(key).send().status()).isEqualTo(200);

            Client.Reply refused = api.client().get("/v1/api-keys").key(key).send();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(api.client().get("/v1/api-keys").key(api.key(dev.recourse.server.http.auth.ApiRole.ADMIN)).send().status()).isEqualTo(200);
        }
    }
}
