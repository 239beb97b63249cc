package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The portal's pages, which anyone may open: the search of decisions, each one's record, the statistics. */
class PortalPagesTest {
    @RegisterExtension
    static final TestApi api = new TestApi();
    private static String decision;

    @BeforeAll
    static void start() {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("portal-1", "owner-1"));
        Client.Reply decided = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("portal-1", notice.string("notice"),
                Bodies.illegalReasons()));
        assertThat(decided.status()).as(decided.text()).isEqualTo(201);
        decision = decided.string("decision");
        Client.Reply other = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("portal-2", "owner-2"));
        String appealed = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("portal-2", other.string("notice"),
                Bodies.illegalReasons())).string("decision");
        Client.Reply appeal = api.post(ApiRole.PLATFORM, "/v1/appeals", Json.object().put("subject", Bodies.subjectRef("portal-2"))
                .put("decision", appealed).put("appellant", Json.object().put("affectedPerson", "owner-2").build())
                .put("grounds", "It quotes the law.").build());
        Client.Reply reversed = api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + appeal.string("appeal") + "/decision",
                Json.object().put("outcome", "reversed").put("reasons", "A quotation is not incitement.").build());
        assertThat(reversed.status()).as(reversed.text()).isEqualTo(200);
        authority("portal-3", "Landgericht Berlin", null);
        authority("portal-4", "Secret Ministry", "2099-01-01T00:00:00Z");
    }

    private static void authority(String post, String body, String heldUntil) {
        Json.ObjBuilder request = Json.object().put("subject", Bodies.subject(post, "owner-" + post)).put("kind", "order")
                .put("authority", Json.object().put("name", body).put("country", "DE").build())
                .put("legalBasis", "Art. 9 DSA with § 130 StGB").put("explanation", "Remove the post; it incites hatred.");
        if (heldUntil != null) {
            request.put("legalHold", Json.object().put("until", heldUntil).put("reason", "An investigation.").build());
        }
        Client.Reply registered = api.post(ApiRole.PLATFORM, "/v1/authority-requests", request.build());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        Client.Reply decided = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal(post, registered.string("notice"),
                Bodies.illegalReasons()));
        assertThat(decided.status()).as(decided.text()).isEqualTo(201);
    }

    @Test
    void theSearchListsTheDecisionWithALinkToItsRecord() {
        Client.Reply page = api.client().get("/portal/decisions").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("href=\"/portal/decisions/" + decision + "\"").contains("Illegal or harmful speech");
    }

    @Test
    void aFilterThatDoesNotMatchLeavesTheDecisionOut() {
        Client.Reply page = api.client().get("/portal/decisions?category=STATEMENT_CATEGORY_SCAMS_AND_FRAUD&from=2020-01-01").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain(decision).contains("No decision matches.");
    }

    @Test
    void aWrongFilterIsAnswered400NamingIt() {
        Client.Reply page = api.client().get("/portal/decisions?category=NONSENSE&from=yesterday").send();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<code>category</code>").contains("<code>from</code>");
    }

    @Test
    void whatTheSearchEchoesIsEscaped() {
        Client.Reply page = api.client().get("/portal/decisions?rule=%22%3E%3Cscript%3Ex%40y").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;x@y");
    }

    @Test
    void aDecisionsRecordShowsItsDsaFieldsItsLogEntryAndItsReceipt() {
        Client.Reply page = api.client().get("/portal/decisions/" + decision).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("decision_ground").contains("DECISION_GROUND_ILLEGAL_CONTENT")
                .contains("\"type\":\"DecisionTaken\"").containsPattern("href=\"/v1/receipts/[0-9]+\"");
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        assertThat(api.client().get("/portal/decisions/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertThat(api.client().get("/portal/decisions/not-an-id").send().status()).isEqualTo(404);
    }

    @Test
    void statisticsShowTheFiguresOfTheRollupsAsCharts() {
        Client.Reply page = api.client().get("/portal/statistics").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .containsPattern("id=\"decisions\"><strong>4</strong>")
                .containsPattern("id=\"overturn-rate\"><strong>100.0 %</strong>")
                .contains("<svg id=\"chart-decisions\"", "<svg id=\"chart-categories\"", "<svg id=\"chart-appeals\"",
                        "<svg id=\"chart-time-to-appeal\"", "<svg id=\"chart-reinstatements\"", "id=\"safeguards\"")
                .contains("<td>People alone</td><td>4</td><td>1</td><td>1</td>");
    }

    @Test
    void statisticsOfAPeriodWithoutDecisionsSayThereWereNone() {
        Client.Reply page = api.client().get("/portal/statistics?from=2020-01-01&to=2020-01-31").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsPattern("id=\"decisions\"><strong>0</strong>").contains("No decisions in this period.");
    }

    @Test
    void aWrongPeriodIsAnswered400NamingTheField() {
        assertThat(api.client().get("/portal/statistics?from=2020-13-01").send().text()).contains("<code>from</code>");
        assertThat(api.client().get("/portal/statistics?from=2020-02-01&to=2020-01-01").send().status()).isEqualTo(400);
        assertThat(api.client().get("/portal/statistics?from=2000-01-01&to=2020-01-01").send().status()).isEqualTo(400);
    }

    @Test
    void theRegisterShowsADisclosedRequestWithWhatItLedTo() {
        Client.Reply page = api.client().get("/portal/authority-requests").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<h2>Landgericht Berlin (DE)</h2>", "Binding order (DSA Art. 9)", "Art. 9 DSA with § 130 StGB",
                "Action against a piece of content", "Visibility restricted");
    }

    @Test
    void aHeldRequestShowsOnlyThatItExistsAndWhenItsHoldEnds() {
        String page = api.client().get("/portal/authority-requests").send().text();

        assertThat(page).contains("Request under legal hold", "until <strong>2099-01-01</strong>").doesNotContain("Secret Ministry");
        assertThat(api.client().get("/portal/decisions?source=AUTHORITY_ORDER").send().text()).containsOnlyOnce("<tr><td><a href");
    }

    /** The receipt of {@link #decision}, as its record links it. */
    private static String receipt() {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/v1/receipts/[0-9]+)\"")
                .matcher(api.client().get("/portal/decisions/" + decision).send().text());
        assertThat(link.find()).isTrue();
        Client.Reply receipt = api.client().get(link.group(1)).send();
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
        return receipt.text();
    }

    private static Client.Reply verify(String pasted) {
        return api.client().post("/portal/verify").header("Content-Type", "application/x-www-form-urlencoded")
                .body(("receipt=" + java.net.URLEncoder.encode(pasted, java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
    }

    @Test
    void aPastedReceiptVerifiesAndThePageSaysWhatThatProvesAndWhatNot() {
        Client.Reply page = verify(receipt().replace("\n", "\r\n"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("This receipt verifies.", "What this proves", "What this does not prove",
                "The log serves the same entry at that position today.", "href=\"/portal/decisions/" + decision + "\"");
    }

    @Test
    void anUploadedReceiptFileVerifies() {
        String boundary = "portal-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"\r\n\r\n\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"entry.tlog-proof\"\r\nContent-Type: text/plain\r\n\r\n"
                + receipt() + "\r\n--" + boundary + "--\r\n";

        Client.Reply page = api.client().post("/portal/verify").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("This receipt verifies.");
    }

    @Test
    void aReceiptWithAnotherIndexDoesNotVerify() {
        String receipt = receipt();
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("\nindex ([0-9]+)\n").matcher(receipt);
        assertThat(index.find()).isTrue();
        long other = Long.parseLong(index.group(1)) == 0 ? 1 : 0;

        Client.Reply page = verify(receipt.replace("\nindex " + index.group(1) + "\n", "\nindex " + other + "\n"));

        assertThat(page.text()).contains("This receipt does not verify.").doesNotContain("What this proves");
    }

    @Test
    void textThatIsNotAReceiptIsSaidToBeNone() {
        assertThat(verify("<b>hello</b>").text()).contains("This is not a receipt.").doesNotContain("<b>hello</b>");
    }

    @Test
    void nothingToVerifyIsAnswered400NamingTheReceipt() {
        Client.Reply page = verify("");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<code>receipt</code>");
        assertThat(api.client().get("/portal/verify").send().text()).contains("name=\"receipt\"", "name=\"file\"");
    }
}
