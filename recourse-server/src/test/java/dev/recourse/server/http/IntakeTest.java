package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.receipt.Receipt;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Notices and authority requests through the API, into a real store and log. */
class IntakeTest {
    @RegisterExtension
    static final TestApi api = new TestApi();


    @Test
    void nonsenseIsRefusedAndNothingIsStored() {
        long before = api.events();
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Json.object().put("nonsense", Json.of(true)).build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(reply.fields()).contains("$.nonsense", "$.subject", "$.location", "$.explanation", "$.notifier", "$.goodFaith");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aNoticeIsConfirmedWithItsIdCaseAndReceiptLink() {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("post-1", "owner-1"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Intake.RECEIVED.problems(reply.json())).isEmpty();
        assertThat(reply.header("Location")).contains("/v1/cases/" + reply.string("case"));
        assertThat(reply.string("receipt")).isEqualTo("/v1/receipts/" + (long) ((Json.Num) reply.json().get("position")).value());
    }

    @Test
    void theStoredNoticeKeepsTheExactLocationAndTheStatementOfGoodFaith() {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("post-located", "owner-located"));

        long position = (long) ((Json.Num) reply.json().get("position")).value();
        CaseEvent.NoticeReceived received = (CaseEvent.NoticeReceived) api.store().events().readAll(position, 1).getFirst().event();
        assertThat(received.notice().location()).contains(new Location("https://platform.example/p/post-located"));
        assertThat(received.notice().goodFaith()).contains(GoodFaith.AFFIRMED);
    }

    @Test
    void theReceiptOfANoticeVerifiesAgainstTheLogsKey() {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("post-2", "owner-2"));

        Client.Reply reply = api.client().get(notice.string("receipt")).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        Receipt receipt = ((Parsed.Ok<Receipt>) Receipt.parse(reply.text())).value();
        assertThat(receipt.verify(VerifierKeys.parse(api.store().log().verifierKey()).orElseThrow(), Optional.empty()))
                .isEqualTo(Verdict.HOLDS);
        assertThat(receipt.index()).isEqualTo((long) ((Json.Num) notice.json().get("position")).value());
    }

    @Test
    void aReceiptForAPositionWithoutAnEntryIsNotFound() {
        assertThat(api.client().get("/v1/receipts/12345").send().status()).isEqualTo(404);
        assertThat(api.client().get("/v1/receipts/-1").send().status()).isEqualTo(404);
        assertThat(api.client().get("/v1/receipts/01").send().status()).isEqualTo(404);
    }

    @Test
    void aRetriedNoticeIsStoredOnce() {
        Client.Request request = api.client().post("/v1/notices").key(api.key(ApiRole.PLATFORM)).idempotencyKey("notice-once")
                .json(Bodies.notice("post-3", "owner-3"));
        Client.Reply first = request.send();
        long stored = api.events();

        Client.Reply retry = request.send();

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(api.events()).isEqualTo(stored);
    }

    @Test
    void aNoticeWithoutTheNotifiersNameAndEmailIsRefusedUnlessExempt() {
        Json.Obj anonymous = Bodies.with(Bodies.notice("post-4", "owner-4"), "notifier", Json.object().put("id", "user-8").build());

        Client.Reply refused = api.post(ApiRole.PLATFORM, "/v1/notices", anonymous);
        Client.Reply exempt = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(anonymous, "exemption", Json.of("child_sexual_abuse")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("$.notifier.name", "$.notifier.email");
        assertThat(exempt.status()).as(exempt.text()).isEqualTo(201);
    }

    @Test
    void aNoticeWithoutTheStatementOfGoodFaithIsRefused() {
        long before = api.events();
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice("post-5", "owner-5"),
                "goodFaith", Json.of(false)));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.goodFaith");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aNoticeWithALocationThatIsNotAUrlIsRefused() {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice("post-6", "owner-6"),
                "location", Json.of("post 6")));

        assertThat(reply.fields()).containsExactly("$.location");
    }

    @Test
    void aBlankExplanationIsRefusedByItsPath() {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice("post-7", "owner-7"),
                "explanation", Json.of("   ")));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.explanation");
    }

    @Test
    void anAuthorityRequestIsRegisteredAndDisclosedWithoutAHold() {
        Json.Obj request = Bodies.authorityOrder("post-8");

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/authority-requests", request);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Intake.REGISTERED.problems(reply.json())).isEmpty();
        assertThat(reply.json().get("disclosed")).isEqualTo(Json.of(true));
    }

    @Test
    void anAuthorityRequestWithAHoldInThePastIsRefusedNamingIt() {
        Json.Obj request = Json.object()
                .put("subject", Bodies.subject("post-9", "owner-9"))
                .put("kind", "government_request")
                .put("authority", Json.object().put("name", "Ministry").put("country", "FR").build())
                .put("legalBasis", "Loi n° 2004-575")
                .put("explanation", "Please look at this.")
                .put("legalHold", Json.object().put("until", "2000-01-01T00:00:00Z").put("reason", "investigation").build())
                .build();
        long before = api.events();

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/authority-requests", request);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("type")).isEqualTo(Json.of(ProblemType.REJECTED.uri()));
        assertThat(reply.fields()).containsExactly("$.legalHold.until");
        assertThat(api.events()).isEqualTo(before);
    }
}
