package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decisions and appeals through the API: the statement of reasons checked, the deciders taken from the keys. */
class DecisionsAndAppealsTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    private String notice(String post) {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice(post, "owner-" + post));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.string("notice");
    }


    @Test
    void aModeratorRemovesContentWithACompleteStatementOfReasons() {
        String notice = notice("d-1");

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-1", notice, Bodies.illegalReasons()));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Decisions.DECIDED.problems(reply.json())).isEmpty();
        assertThat(reply.string("status")).isEqualTo("taken");
    }

    @Test
    void anIncompleteStatementIsRefusedNamingTheDsaField() {
        String notice = notice("d-2");
        long before = api.events();

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions",
                Bodies.removal("d-2", notice, Bodies.with(Bodies.illegalReasons(), "illegal_content_legal_ground", null)));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("type")).isEqualTo(Json.of(ProblemType.REJECTED.uri()));
        assertThat(reply.fields()).contains("$.restrict.reasons.illegal_content_legal_ground");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aStatementFieldRecourseFillsInIsRefusedInTheReasons() {
        String notice = notice("d-3");

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions",
                Bodies.removal("d-3", notice, Bodies.with(Bodies.illegalReasons(), "puid", Json.of("x"))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.restrict.reasons.puid");
    }

    @Test
    void anUnknownDsaValueIsRefusedByItsPath() {
        String notice = notice("d-4");

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions",
                Bodies.removal("d-4", notice, Bodies.with(Bodies.illegalReasons(), "category", Json.of("STATEMENT_CATEGORY_NONSENSE"))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.restrict.reasons.category");
    }

    @Test
    void takingNoActionNeedsReasonsAndANotice() {
        String notice = notice("d-5");
        Json.Obj noAction = Json.object()
                .put("subject", Bodies.subjectRef("d-5"))
                .put("notices", Json.strings(List.of(notice)))
                .put("noAction", Json.object().put("reasons", "It is satire, which the law protects.").build())
                .build();

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions", noAction);
        Client.Reply withoutNotice = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.with(noAction, "notices", null));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(withoutNotice.status()).isEqualTo(422);
        assertThat(withoutNotice.fields()).containsExactly("$.notices");
    }

    @Test
    void aDecisionAboutASubjectWithoutACaseIsRefused() {
        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions",
                Bodies.removal("never-reported", UUID.randomUUID().toString(), Bodies.illegalReasons()));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).contains("$.subject");
    }

    @Test
    void anOtherMeasureSaysWhatItIs() {
        String notice = notice("d-6");
        Json.Obj decision = Bodies.removal("d-6", notice, Bodies.illegalReasons());
        Json.Obj restrict = (Json.Obj) decision.get("restrict");
        Json.Obj other = Bodies.with(decision, "restrict", Bodies.with(restrict, "restrictions",
                new Json.Arr(List.of(Json.object().put("visibility", "DECISION_VISIBILITY_OTHER").build()))));

        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/decisions", other);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.restrict.restrictions[0].other");
    }

    @Test
    void anAccountLevelActionOnAProtectedSubjectIsOnlyProposed() {
        Json.Obj journalist = Bodies.with(Bodies.with(Bodies.subject("acct-j", "acct-j"), "kind", Json.of("account")),
                "protected", Json.of("journalist"));
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.with(Bodies.notice("acct-j", "acct-j"),
                "subject", journalist));
        Json.Obj suspend = Json.object()
                .put("subject", Json.object().put("kind", "account").put("id", "acct-j").build())
                .put("notices", Json.strings(List.of(notice.string("notice"))))
                .put("restrict", Json.object()
                        .put("restrictions", List.of(Json.object().put("account", "DECISION_ACCOUNT_SUSPENDED").build()))
                        .put("reasons", Bodies.illegalReasons())
                        .build())
                .build();

        Client.Reply reply = api.post(ApiRole.SENIOR_MODERATOR, "/v1/decisions", suspend);

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        assertThat(reply.string("status")).isEqualTo("proposed");
        assertThat(Decisions.DECIDED.problems(reply.json())).isEmpty();
    }

    @Test
    void theAffectedPersonAppealsAndAnotherPersonReversesTheDecision() {
        String notice = notice("d-7");
        String decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-7", notice,
                Bodies.illegalReasons())).string("decision");
        Json.Obj appeal = Json.object()
                .put("subject", Bodies.subjectRef("d-7"))
                .put("decision", decision)
                .put("appellant", Json.object().put("affectedPerson", "owner-d-7").build())
                .put("grounds", "It quotes the law; it does not incite.")
                .build();

        Client.Reply filed = api.post(ApiRole.PLATFORM, "/v1/appeals", appeal);
        Client.Reply decided = api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + filed.string("appeal") + "/decision", Json.object()
                .put("outcome", "reversed")
                .put("reasons", "A quotation of the law is not incitement.")
                .build());

        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(Appeals.FILED.problems(filed.json())).isEmpty();
        assertThat(filed.header("Location")).contains("/v1/appeals/" + filed.string("appeal"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(Appeals.APPEAL_DECIDED.problems(decided.json())).isEmpty();
        assertThat(decided.string("outcome")).isEqualTo("reversed");
        Client.Reply after = api.get(ApiRole.AUDITOR, "/v1/cases/" + filed.string("case"));
        assertThat(after.string("status")).isEqualTo("reversed");
        assertThat(((Json.Arr) after.json().get("restrictions")).elements()).isEmpty();
    }

    @Test
    void aSeniorModeratorReversesADecisionOutsideAnAppeal() {
        String notice = notice("d-20");
        Client.Reply decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-20", notice, Bodies.illegalReasons()));
        String path = "/v1/decisions/" + decision.string("decision") + "/reversal";

        Client.Reply reversed = api.post(ApiRole.SENIOR_MODERATOR, path, Json.object().put("reasons",
                "A mistake found in review.").build());

        assertThat(reversed.status()).as(reversed.text()).isEqualTo(200);
        assertThat(Decisions.REVERSED.problems(reversed.json())).isEmpty();
        assertThat(((Json.Arr) reversed.json().get("lifted")).elements()).hasSize(1);
        Client.Reply after = api.get(ApiRole.AUDITOR, "/v1/cases/" + decision.string("case"));
        assertThat(after.string("status")).isEqualTo("reversed");
        assertThat(((Json.Arr) after.json().get("restrictions")).elements()).isEmpty();
    }

    @Test
    void aDecisionReversedAlreadyIsRefusedAndAnUnknownOneIsNotFound() {
        String notice = notice("d-21");
        String decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-21", notice,
                Bodies.illegalReasons())).string("decision");
        Json.Obj body = Json.object().put("reasons", "A mistake found in review.").build();
        assertThat(api.post(ApiRole.ADMIN, "/v1/decisions/" + decision + "/reversal", body).status()).isEqualTo(200);
        long before = api.events();

        Client.Reply again = api.post(ApiRole.ADMIN, "/v1/decisions/" + decision + "/reversal", body);
        Client.Reply unknown = api.post(ApiRole.ADMIN, "/v1/decisions/" + UUID.randomUUID() + "/reversal", body);
        Client.Reply blank = api.post(ApiRole.ADMIN, "/v1/decisions/" + decision + "/reversal", Json.object().put("reasons", "").build());

        assertThat(again.status()).as(again.text()).isEqualTo(422);
        assertThat(again.fields()).containsExactly("id");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(blank.status()).isBetween(400, 499);
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aCaseShowsWhereItStandsAndTheRestrictionsInForce() {
        String notice = notice("d-10");
        Client.Reply decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-10", notice, Bodies.illegalReasons()));

        Client.Reply reply = api.get(ApiRole.MODERATOR, "/v1/cases/" + decision.string("case"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(Cases.CASE.problems(reply.json())).isEmpty();
        assertThat(reply.string("status")).isEqualTo("decided");
        assertThat(reply.string("latestDecision")).isEqualTo(decision.string("decision"));
        assertThat(((Json.Arr) reply.json().get("restrictions")).elements()).singleElement()
                .satisfies(r -> assertThat(((Json.Obj) r).get("visibility")).isEqualTo(Json.of("DECISION_VISIBILITY_CONTENT_REMOVED")));
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertThat(api.get(ApiRole.AUDITOR, "/v1/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(ApiRole.AUDITOR, "/v1/cases/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aClaimedAppealIsDecidedByItsClaimantOnly() throws Exception {
        String notice = notice("d-11");
        String decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-11", notice,
                Bodies.illegalReasons())).string("decision");
        String appeal = api.post(ApiRole.PLATFORM, "/v1/appeals", Json.object()
                .put("subject", Bodies.subjectRef("d-11"))
                .put("decision", decision)
                .put("appellant", Json.object().put("affectedPerson", "owner-d-11").build())
                .put("grounds", "Wrong.")
                .build()).string("appeal");
        String other = api.keys().make(new dev.recourse.core.decider.Pseudonym("rev-other"), ApiRole.APPEAL_REVIEWER,
                java.util.Optional.empty()).key().reveal();
        Json.Obj upheld = Json.object().put("outcome", "upheld").put("reasons", "The law was applied rightly.").build();

        Client.Reply claimed = api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + appeal + "/claim");
        Client.Reply refused = api.client().post("/v1/appeals/" + appeal + "/claim").key(other).idempotencyKey(UUID.randomUUID().toString()).send();
        Client.Reply notTheirs = api.client().post("/v1/appeals/" + appeal + "/decision").key(other)
                .idempotencyKey(UUID.randomUUID().toString()).json(upheld).send();
        Client.Reply queue = api.get(ApiRole.AUDITOR, "/v1/appeals");
        Client.Reply decided = api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + appeal + "/decision", upheld);

        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        assertThat(Appeals.PENDING.problems(claimed.json())).isEmpty();
        assertThat(claimed.string("claimedBy")).isEqualTo("test-appeal-reviewer");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type")).isEqualTo(Json.of(ProblemType.ALREADY_CLAIMED.uri()));
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(Appeals.QUEUE.problems(queue.json())).isEmpty();
        assertThat(((Json.Arr) queue.json().get("items")).elements())
                .anySatisfy(item -> assertThat(((Json.Obj) item).get("claimedBy")).isEqualTo(Json.of("test-appeal-reviewer")));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(api.post(ApiRole.APPEAL_REVIEWER, "/v1/appeals/" + appeal + "/claim").status()).isEqualTo(404);
    }

    @Test
    void whoTookPartInADecisionDoesNotDecideItsAppeal() {
        String notice = notice("d-8");
        String decision = api.post(ApiRole.SENIOR_MODERATOR, "/v1/decisions", Bodies.removal("d-8", notice, Bodies.illegalReasons()))
                .string("decision");
        String appeal = api.post(ApiRole.PLATFORM, "/v1/appeals", Json.object()
                .put("subject", Bodies.subjectRef("d-8"))
                .put("decision", decision)
                .put("appellant", Json.object().put("affectedPerson", "owner-d-8").build())
                .put("grounds", "Wrong.")
                .build()).string("appeal");

        Client.Reply reply = api.post(ApiRole.SENIOR_MODERATOR, "/v1/appeals/" + appeal + "/decision", Json.object()
                .put("outcome", "upheld")
                .put("reasons", "Right.")
                .build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("Authorization");
    }

    @Test
    void anAppealByAnotherThanTheOwnerIsRefused() {
        String notice = notice("d-9");
        String decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("d-9", notice,
                Bodies.illegalReasons())).string("decision");

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/appeals", Json.object()
                .put("subject", Bodies.subjectRef("d-9"))
                .put("decision", decision)
                .put("appellant", Json.object().put("affectedPerson", "someone-else").build())
                .put("grounds", "Wrong.")
                .build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.appellant");
    }
}
