package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.http.auth.ApiRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After the time to appeal, the notice page has no form, and a form kept from before files nothing. */
class AppealDeadlinePageTest {
    @Test
    void afterTheDeadlineTheFormIsGoneAndAnOldFormIsRefusedWithTheReason() {
        TestClock clock = new TestClock();
        try (TestApi api = new TestApi(HttpSettings.onPort(0), clock).start()) {
            Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("post-late", "owner-late"));
            String page = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("post-late", notice.string("notice"),
                    Bodies.illegalReasons())).string("noticePage");
            Matcher form = Pattern.compile("name=\"form\" value=\"([^\"]+)\"").matcher(api.client().get(page).send().text());
            assertThat(form.find()).isTrue();

            clock.advance(Duration.ofDays(400));
            Client.Reply late = api.client().post(page + "/appeal").header("Content-Type", "application/x-www-form-urlencoded")
                    .body(("form=" + URLEncoder.encode(form.group(1), StandardCharsets.UTF_8) + "&lang=en&grounds=late")
                            .getBytes(StandardCharsets.UTF_8)).send();

            assertThat(late.status()).isEqualTo(422);
            assertThat(late.text()).contains("Your appeal was not filed: the time to appeal this decision ended at",
                    "The time to appeal ended on").doesNotContain("name=\"form\"");
        }
    }
}
