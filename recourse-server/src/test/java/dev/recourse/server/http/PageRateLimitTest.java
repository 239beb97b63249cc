package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** People's pages are rate-limited per address, and say so in a page. */
class PageRateLimitTest {
    @Test
    void tooManyRequestsForPagesGetA429Page() {
        TestClock clock = new TestClock();
        try (TestApi api = new TestApi(new HttpSettings(HttpSettings.DEFAULT_HOST, 0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, 1, 2),
                clock).start()) {
            assertThat(api.client().get("/notice/unknown").send().status()).isEqualTo(404);
            assertThat(api.client().get("/notifier/unknown").send().status()).isEqualTo(404);

            Client.Reply limited = api.client().get("/notice/unknown").header("Accept-Language", "de").send();

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.contentType()).startsWith("text/html");
            assertThat(limited.text()).contains("Zu viele Anfragen");
            assertThat(limited.header("Retry-After")).contains("1");
        }
    }
}
