package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subjects, detections, proposals, batches and the reads of cases and authority requests, through the API. */
class ApiReadsAndWritesTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    private static Json.Obj journalist(String id) {
        return Json.object()
                .put("kind", "account").put("id", id).put("owner", id).put("reach", Json.of(50))
                .put("language", "de").put("territory", "DE").put("protected", "journalist").put("since", "2020-03-01")
                .build();
    }

    private static Json.Obj suspension(String id, String notice) {
        return Json.object()
                .put("subject", Json.object().put("kind", "account").put("id", id).build())
                .put("notices", Json.strings(List.of(notice)))
                .put("restrict", Json.object()
                        .put("restrictions", List.of(Json.object().put("account", "DECISION_ACCOUNT_SUSPENDED").build()))
                        .put("reasons", Bodies.illegalReasons())
                        .build())
                .build();
    }

    /** A high-impact decision by the moderator: proposed, waiting for a second person. */
    private String proposedSuspension(String id) {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice(id, id), "subject", journalist(id)));
        assertThat(notice.status()).as(notice.text()).isEqualTo(201);
        Client.Reply proposed = api.post(ApiRole.MODERATOR, "/v1/decisions", suspension(id, notice.string("notice")));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(202);
        return proposed.string("decision");
    }

    @Test
    void aDescribedSubjectIsShownWithItsCaseAndNoRestrictions() {
        Client.Reply described = api.post(ApiRole.PLATFORM, "/v1/subjects", journalist("acct-s1"));
        assertThat(described.status()).as(described.text()).isEqualTo(200);
        assertThat(Subjects.DESCRIBED.problems(described.json())).isEmpty();
        assertThat(api.post(ApiRole.PLATFORM, "/v1/subjects", journalist("acct-s1")).json().get("changed")).isEqualTo(Json.of(false));

        Client.Reply shown = api.get(ApiRole.MODERATOR, "/v1/subjects/account/acct-s1");

        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        assertThat(((Json.Obj) shown.json().get("subject")).get("protected")).isEqualTo(Json.of("journalist"));
        assertThat(shown.string("case")).isEqualTo(described.string("case"));
        assertThat(shown.json().get("restrictions")).isEqualTo(new Json.Arr(List.of()));
    }

    @Test
    void aSubjectNeverDescribedIsNotFound() {
        assertThat(api.get(ApiRole.MODERATOR, "/v1/subjects/account/nobody").status()).isEqualTo(404);
        assertThat(api.get(ApiRole.MODERATOR, "/v1/subjects/planet/x").status()).isEqualTo(404);
    }

    @Test
    void aDecidedSubjectShowsItsStandingRestriction() {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("s-2", "owner-s2"));
        api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("s-2", notice.string("notice"), Bodies.illegalReasons()));

        Client.Reply shown = api.get(ApiRole.PLATFORM, "/v1/subjects/content/s-2");

        assertThat(((Json.Arr) shown.json().get("restrictions")).elements()).hasSize(1);
    }

    @Test
    void aDetectionIsRecordedInTheSubjectsCase() {
        Json.Obj detection = Json.object().put("subject", Bodies.subject("det-1", "owner-d"))
                .put("signal", Json.object().put("kind", "classifier").put("name", "toxicity").put("version", "7")
                        .put("score", Json.of(0.93)).build())
                .build();

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/detections", detection);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Detections.RECORDED.problems(reply.json())).isEmpty();
    }

    @Test
    void aClassifierSignalWithoutItsScoreIsRefusedNamingIt() {
        Json.Obj detection = Json.object().put("subject", Bodies.subject("det-2", "owner-d"))
                .put("signal", Json.object().put("kind", "classifier").put("name", "toxicity").put("version", "7").build())
                .build();
        long before = api.events();

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/detections", detection);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.signal.score");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aProposalWaitsInTheQueueAndAnotherPersonsApprovalTakesIt() {
        String proposal = proposedSuspension("acct-p1");
        Client.Reply queue = api.get(ApiRole.SENIOR_MODERATOR, "/v1/proposals?limit=500");
        assertThat(Proposals.QUEUE.problems(queue.json())).isEmpty();
        assertThat(queue.text()).contains(proposal);

        Client.Reply own = api.post(ApiRole.MODERATOR, "/v1/proposals/" + proposal + "/approve");
        assertThat(own.status()).as(own.text()).isEqualTo(422);
        assertThat(own.fields()).containsExactly("Authorization");

        Client.Reply approved = api.post(ApiRole.SENIOR_MODERATOR, "/v1/proposals/" + proposal + "/approve");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(Proposals.ANSWERED.problems(approved.json())).isEmpty();
        assertThat(approved.string("status")).isEqualTo("taken");
        assertThat(api.get(ApiRole.SENIOR_MODERATOR, "/v1/proposals?limit=500").text()).doesNotContain(proposal);
    }

    @Test
    void aDeclinedProposalIsClosedWithItsReasons() {
        String proposal = proposedSuspension("acct-p2");

        Client.Reply declined = api.post(ApiRole.SENIOR_MODERATOR, "/v1/proposals/" + proposal + "/decline",
                Json.object().put("reasons", "Satire, not an insult.").build());

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.string("status")).isEqualTo("declined");
        assertThat(api.post(ApiRole.SENIOR_MODERATOR, "/v1/proposals/" + proposal + "/approve").status()).isEqualTo(404);
    }

    @Test
    void aCasesHistoryPagesByCursorAndFiltersItsDecisions() {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("h-1", "owner-h"));
        api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("h-1", notice.string("notice"), Bodies.illegalReasons()));
        String caseId = notice.string("case");

        List<String> types = new ArrayList<>();
        String next = "/v1/cases/" + caseId + "/events?limit=2";
        while (next != null) {
            Client.Reply page = api.get(ApiRole.AUDITOR, next);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(Cases.HISTORY.problems(page.json())).isEmpty();
            ((Json.Arr) page.json().get("items")).elements().forEach(e -> types.add(((Json.Str) ((Json.Obj) e).get("type")).value()));
            next = page.json().get("next") instanceof Json.Str s ? s.value() : null;
        }
        assertThat(types).startsWith("CaseOpened", "SubjectDescribed", "NoticeReceived").contains("DecisionTaken");

        Client.Reply decisions = api.get(ApiRole.PLATFORM, "/v1/cases/" + caseId + "/decisions");
        assertThat(decisions.text()).contains("DecisionTaken").doesNotContain("NoticeReceived");
        assertThat(api.get(ApiRole.AUDITOR, "/v1/cases/" + caseId + "/notices").text()).contains("NoticeReceived");
    }

    @Test
    void aBatchOfNoticesAnswersEachItemOnItsOwn() {
        Json.Obj good = Bodies.notice("b-1", "owner-b");
        Json.Obj bad = Bodies.with(Bodies.notice("b-2", "owner-b"), "location", Json.of("not a url"));
        long before = api.events();

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices:batch",
                Json.object().put("items", List.of(good, bad, Bodies.notice("b-3", "owner-b"))).build());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(Intake.NOTICES_RECEIVED.problems(reply.json())).isEmpty();
        List<Json> items = ((Json.Arr) reply.json().get("items")).elements();
        assertThat(items).extracting(i -> ((Json.Obj) i).get("status")).containsExactly(Json.of(201), Json.of(422), Json.of(201));
        assertThat(reply.text()).contains("$.items[1].location");
        assertThat(api.events()).isGreaterThan(before);
    }

    @Test
    void aBatchOfMoreThan500ItemsIsRefusedWhole() {
        List<Json> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add(Json.object().build());
        }

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/detections:batch", Json.object().put("items", items).build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.items");
    }

    @Test
    void anAuthorityRequestIsShownWithItsLegalHoldUndisclosed() {
        Json.Obj request = Bodies.with(Bodies.authorityOrder("ar-1"), "legalHold",
                Json.object().put("until", "2099-01-01T00:00:00Z").put("reason", "investigation").build());
        Client.Reply registered = api.post(ApiRole.PLATFORM, "/v1/authority-requests", request);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);

        Client.Reply shown = api.get(ApiRole.AUDITOR, "/v1/authority-requests/" + registered.string("request"));

        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        assertThat(AuthorityRequests.REQUEST.problems(shown.json())).isEmpty();
        assertThat(shown.json().get("disclosed")).isEqualTo(Json.of(false));
        assertThat(shown.text()).contains("investigation");
    }

    @Test
    void theRegisterListsEveryAuthorityRequestNewestFirstWithItsHoldAndDisclosure() {
        Json.Obj held = Bodies.with(Bodies.authorityOrder("ar-10"), "legalHold",
                Json.object().put("until", "2099-01-01T00:00:00Z").put("reason", "investigation").build());
        String first = api.post(ApiRole.PLATFORM, "/v1/authority-requests", held).string("request");
        String second = api.post(ApiRole.PLATFORM, "/v1/authority-requests", Bodies.authorityOrder("ar-11")).string("request");
        String third = api.post(ApiRole.PLATFORM, "/v1/authority-requests", Bodies.authorityOrder("ar-12")).string("request");

        Client.Reply page = api.get(ApiRole.AUDITOR, "/v1/authority-requests?limit=2");
        List<Json> items = new ArrayList<>(((Json.Arr) page.json().get("items")).elements());
        Client.Reply next = api.get(ApiRole.SENIOR_MODERATOR, page.string("next"));
        items.addAll(((Json.Arr) next.json().get("items")).elements());

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(AuthorityRequests.REGISTER.problems(page.json())).isEmpty();
        assertThat(AuthorityRequests.REGISTER.problems(next.json())).isEmpty();
        assertThat(items).extracting(i -> ((Json.Obj) i).get("request")).startsWith(Json.of(third), Json.of(second), Json.of(first));
        Json.Obj heldItem = (Json.Obj) items.get(2);
        assertThat(heldItem.get("disclosed")).isEqualTo(Json.of(false));
        assertThat(heldItem.get("legalHoldUntil")).isEqualTo(Json.of("2099-01-01T00:00:00Z"));
        assertThat(heldItem.members()).doesNotContainKey("authority");
        assertThat(((Json.Obj) items.get(0)).get("disclosed")).isEqualTo(Json.of(true));
        assertThat(((Json.Obj) items.get(0)).members()).containsKeys("authority", "legalBasis", "decisions");
    }

    @Test
    void theRegisterRefusesABadCursor() {
        assertThat(api.get(ApiRole.ADMIN, "/v1/authority-requests?cursor=nonsense").status()).isEqualTo(400);
    }
}
