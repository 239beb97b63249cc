package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate limit kept in the database ({@code http.rate-limit-store=database}): one budget for every node on it. */
class SharedRateLimitTest {
    private final TestClock clock = new TestClock();
    @TempDir
    Path data;
    private RecourseStore store;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    @Test
    void twoServicesOnOneDatabaseShareOneBudget() throws Exception {
        HttpSettings settings = new HttpSettings(HttpSettings.DEFAULT_HOST, 0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, 1, 2)
                .withRateLimits(HttpSettings.RateLimits.DATABASE);
        PageLinks links = new PageLinks(URI.create("http://127.0.0.1"), new byte[32]);
        SecureRandom random = new SecureRandom();
        try (Service first = Service.start(settings, DeliverySettings.none(), links, store, clock, random, "test");
                Service second = Service.start(settings, DeliverySettings.none(), links, store, clock, random, "test")) {
            String key = new ApiKeys(store.dataSource(), clock, random).make(new Pseudonym("test-auditor"), ApiRole.AUDITOR,
                    Optional.empty()).key().reveal();
            Client one = new Client(first.url());
            Client two = new Client(second.url());
            assertThat(one.get("/v1/api-keys").key(key).send().status()).isEqualTo(200);
            assertThat(two.get("/v1/api-keys").key(key).send().status()).isEqualTo(200);

            Client.Reply refused = one.get("/v1/api-keys").key(key).send();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(two.get("/v1/api-keys").key(key).send().status()).isEqualTo(429);
        }
    }

    @Test
    void aBurstIsAllowedThenTheRate() throws Exception {
        RateLimit limit = RateLimit.shared(store.dataSource(), 2, 3, clock);

        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).contains(Duration.ofMillis(500));
        assertThat(limit.take("b")).isEmpty();
        clock.advance(Duration.ofMillis(500));
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).contains(Duration.ofMillis(500));
    }

    @Test
    void aRefusedRequestTakesNothingFromTheBudget() throws Exception {
        RateLimit limit = RateLimit.shared(store.dataSource(), 1, 1, clock);
        assertThat(limit.take("a")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(limit.take("a")).contains(Duration.ofSeconds(1));
        }

        clock.advance(Duration.ofSeconds(1));

        assertThat(limit.take("a")).isEmpty();
    }

    @Test
    void onlyTheBudgetsThatAreFullAgainArePruned() throws Exception {
        RateLimit limit = RateLimit.shared(store.dataSource(), 1, 5, clock);
        limit.take("early");
        clock.advance(Duration.ofSeconds(2));
        limit.take("late");

        assertThat(limit.prune()).isEqualTo(1);
        assertThat(limit.prune()).isZero();
    }

    @Test
    void aBurstTooLongToCountInNanosecondsIsCutNotOverflowed() throws Exception {
        RateLimit limit = RateLimit.shared(store.dataSource(), 0.001, 10_000_000, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("a")).isEmpty();
        }
    }

    @Test
    void aRateOfZeroLetsEverythingThroughAndStoresNothing() throws Exception {
        RateLimit limit = RateLimit.shared(store.dataSource(), 0, 1, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limit.take("a")).isEmpty();
        }
        clock.advance(Duration.ofDays(1));
        assertThat(limit.prune()).isZero();
    }
}
