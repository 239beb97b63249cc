package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.server.http.auth.ApiRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The affected person's notice page and the notifier's page, over the real API, store and log. */
class NoticePagesTest {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");
    @RegisterExtension
    static final TestApi api = new TestApi();

    /** A notice about a new post of {@code language}, and a decision removing it with {@code reasons}: both answers. */
    private static Client.Reply[] decided(String language, Json.Obj reasons) {
        String post = "post-" + UUID.randomUUID();
        Json.Obj subject = Bodies.with(Bodies.subject(post, "owner-" + post), "language", Json.of(language));
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice(post, "owner-" + post),
                "subject", subject));
        assertThat(notice.status()).as(notice.text()).isEqualTo(201);
        Client.Reply decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal(post, notice.string("notice"), reasons));
        assertThat(decision.status()).as(decision.text()).isEqualTo(201);
        return new Client.Reply[] {notice, decision};
    }

    private static Client.Reply get(String path) {
        return api.client().get(path).send();
    }

    private static Client.Reply postForm(String path, String form, String grounds) {
        String body = "form=" + URLEncoder.encode(form, StandardCharsets.UTF_8) + "&lang=en&grounds="
                + URLEncoder.encode(grounds, StandardCharsets.UTF_8);
        return api.client().post(path).header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.getBytes(StandardCharsets.UTF_8)).send();
    }

    private static String formToken(Client.Reply page) {
        Matcher m = FORM_TOKEN.matcher(page.text());
        assertThat(m.find()).as("the page has an appeal form").isTrue();
        return m.group(1);
    }

    private static long appealsFiled() {
        return api.store().events().readAll(0, 100_000).stream().filter(e -> e.event() instanceof CaseEvent.AppealFiled).count();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|ltr|What was restricted|The content was removed.|Appeal to us",
        "de|ltr|Was eingeschränkt wurde|Der Inhalt wurde entfernt.|Beschwerde bei uns einlegen",
        "fr|ltr|Ce qui a été restreint|Le contenu a été supprimé.|Former un recours",
        "fa|rtl|چه چیزی محدود شد|این محتوا حذف شد.|اعتراض کنید",
    })
    void theNoticePageStatesTheReasonsInEachLanguage(String lang, String dir, String heading, String measure, String redress) {
        Client.Reply decision = decided("de", Bodies.illegalReasons())[1];

        Client.Reply page = get(decision.string("noticePage") + "?lang=" + lang);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"" + lang + "\" dir=\"" + dir + "\">", heading, measure, redress,
                "§ 130 StGB", "Incites hatred against a religious group.", "Reported by a user; reviewed against the law.",
                "test-moderator", "/v1/receipts/" + (long) ((Json.Num) decision.json().get("position")).value(),
                "recourse verify --log ", api.store().log().verifierKey());
    }

    @Test
    void theNoticePageIsInThePersonsLanguageUnlessAnotherIsChosen() {
        Client.Reply decision = decided("fr", Bodies.illegalReasons())[1];

        assertThat(get(decision.string("noticePage")).text()).contains("<html lang=\"fr\"", "Une décision concernant votre contenu");
        assertThat(get(decision.string("noticePage") + "?lang=de").text()).contains("<html lang=\"de\"");
    }

    @Test
    void theNotifiersPageFollowsTheBrowsersLanguage() {
        Client.Reply notice = decided("de", Bodies.illegalReasons())[0];

        Client.Reply page = api.client().get(notice.string("notifierPage")).header("Accept-Language", "fa-IR, en;q=0.5").send();

        assertThat(page.text()).contains("<html lang=\"fa\" dir=\"rtl\">", "گزارش شما");
    }

    @Test
    void hostileTextInTheReasonsIsShownAsText() {
        Json.Obj hostile = Bodies.with(Bodies.illegalReasons(), "illegal_content_explanation",
                Json.of("<script>alert(1)</script> & \"quoted\""));
        Client.Reply decision = decided("en", Bodies.with(hostile, "decision_facts", Json.of("<img src=x onerror=alert(2)>")))[1];

        String html = get(decision.string("noticePage")).text();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>", "<img");
    }

    @Test
    void forgedAndUnknownTokensAreA404Page() {
        Client.Reply[] answers = decided("en", Bodies.illegalReasons());
        String token = answers[1].string("noticePage").substring("/notice/".length());
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        for (String path : new String[] {"/notice/" + forged, "/notice/nonsense", "/notifier/" + token,
                "/notice/" + answers[0].string("notifierPage").substring("/notifier/".length())}) {
            Client.Reply reply = get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("text/html");
            assertThat(reply.text()).contains("Page not found");
        }
        assertThat(postForm("/notice/" + forged + "/appeal", "x", "why").status()).isEqualTo(404);
    }

    @Test
    void anAppealFormPostedTwiceFilesOneAppealAndThePageShowsIt() {
        Client.Reply decision = decided("en", Bodies.illegalReasons())[1];
        String page = decision.string("noticePage");
        String form = formToken(get(page));
        long before = appealsFiled();

        Client.Reply first = postForm(page + "/appeal", form, "It was satire, see the thread around it.");
        Client.Reply second = postForm(page + "/appeal", form, "It was satire, see the thread around it.");

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("Location")).contains(page + "?lang=en#appeal");
        assertThat(second.status()).isEqualTo(303);
        assertThat(appealsFiled()).isEqualTo(before + 1);
        assertThat(get(page).text()).contains("Appeal filed on", "Status: waiting for a reviewer.",
                "An appeal of this decision is being reviewed.").doesNotContain("name=\"form\"");
    }

    @Test
    void anAppealFormWithoutAValidTokenFilesNothing() {
        Client.Reply decision = decided("en", Bodies.illegalReasons())[1];
        String page = decision.string("noticePage");
        String otherPagesForm = formToken(get(decided("en", Bodies.illegalReasons())[1].string("noticePage")));
        long before = appealsFiled();

        assertThat(postForm(page + "/appeal", otherPagesForm, "why").status()).isEqualTo(400);
        assertThat(postForm(page + "/appeal", "forged", "why").status()).isEqualTo(400);
        assertThat(appealsFiled()).isEqualTo(before);
    }

    @Test
    void anAppealWithoutGroundsIsShownAgainWithTheProblem() {
        String page = decided("en", Bodies.illegalReasons())[1].string("noticePage");

        Client.Reply reply = postForm(page + "/appeal", formToken(get(page)), "   ");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text()).contains("Your appeal was not filed", "name=\"form\"");
    }

    @Test
    void theReversalOfAnAppealShowsOnBothPages() {
        Client.Reply[] answers = decided("en", Bodies.illegalReasons());
        String page = answers[1].string("noticePage");
        assertThat(postForm(page + "/appeal", formToken(get(page)), "Satire.").status()).isEqualTo(303);
        Json.Obj queue = api.get(ApiRole.APPEAL_REVIEWER, "/v1/appeals?limit=500").json();
        String appeal = ((Json.Arr) queue.get("items")).elements().stream().map(i -> (Json.Obj) i)
                .filter(i -> i.get("decision").equals(answers[1].json().get("decision")))
                .map(i -> ((Json.Str) i.get("appeal")).value()).findFirst().orElseThrow();

        Client.Reply decided = api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + appeal + "/decision",
                Json.object().put("outcome", "reversed").put("reasons", "Satire is <b>protected</b> here.").build());

        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(get(page).text()).contains("the decision was reversed, and its restrictions are lifted.",
                "Satire is &lt;b&gt;protected&lt;/b&gt; here.", "lifted on", "This decision was reversed or replaced on appeal.");
        assertThat(get(answers[0].string("notifierPage")).text()).contains("This decision was reversed or replaced on appeal.");
    }

    @Test
    void theNotifiersPageConfirmsReceiptAndShowsThePendingDecisionThenTheDecision() {
        String post = "post-" + UUID.randomUUID();
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice(post, "owner-" + post));
        String page = notice.string("notifierPage");

        assertThat(get(page + "?lang=en").text()).contains("We received your notice on", "https://platform.example/p/" + post,
                "You stated that you believe in good faith", "No decision has been taken on your notice yet.");

        api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal(post, notice.string("notice"), Bodies.illegalReasons()));

        assertThat(get(page + "?lang=en").text()).contains("The decision on your notice", "The content was removed.",
                "you may appeal it until", "name=\"form\"").doesNotContain("No decision has been taken");
    }

    @Test
    void theNotifierAppealsFromTheirPage() {
        Client.Reply notice = decided("en", Bodies.illegalReasons())[0];
        String page = notice.string("notifierPage");

        Client.Reply posted = postForm(page + "/appeal", formToken(get(page)), "The post is still being shared as a screenshot.");

        assertThat(posted.status()).isEqualTo(303);
        assertThat(api.store().events().readAll(0, 100_000).stream().map(e -> e.event())
                .filter(CaseEvent.AppealFiled.class::isInstance).map(e -> ((CaseEvent.AppealFiled) e).appeal().appellant()))
                .contains(new Appellant.Notifier(new NoticeId(UUID.fromString(notice.string("notice")))));
        assertThat(get(page).text()).contains("Status: waiting for a reviewer.");
    }

    @Test
    void theAffectedPersonsPageGivesThePrivateRecordAndItsSalt() {
        Client.Reply decision = decided("en", Bodies.illegalReasons())[1];

        String html = get(decision.string("noticePage")).text();

        assertThat(html).contains("The private part of the record", "Salt (hexadecimal)")
                .containsPattern("<pre dir=\"ltr\">[0-9a-f]{32,}</pre>");
    }

    @Test
    void pagesAreNeverCachedNorSentOnAsReferrer() {
        Client.Reply page = get(decided("en", Bodies.illegalReasons())[1].string("noticePage"));

        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Referrer-Policy")).contains("no-referrer");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }
}
