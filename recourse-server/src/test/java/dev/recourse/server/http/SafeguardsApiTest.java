package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.Result;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.store.TestCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Breakers, recalls and rule figures through the API, on a real store. */
class SafeguardsApiTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    /** {@code rule} removes the post {@code id} of {@code owner}, by itself. */
    private static List<RecordedEvent> enforce(Versioned rule, String id, String owner) {
        return RuleActions.enforce(api.store(), rule, id, owner);
    }

    private static Json recall(String rule, boolean dryRun) {
        Json.ObjBuilder body = Json.object().put("rule", rule).put("dryRun", Json.of(dryRun));
        if (!dryRun) {
            body.put("reasons", "The rule matched political vocabulary.").put("apology", "We are sorry: our automation erred.");
        }
        return body.build();
    }

    @Test
    void aRuleVersionsFiguresArePublic() {
        enforce(new Versioned("stats-rule", "1"), "s-1", "s-owner-1");

        Client.Reply reply = api.client().get("/v1/rules/stats-rule@1/stats").send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(RuleSafeguards.STATS.problems(reply.json())).isEmpty();
        assertThat(reply.json().get("actions")).isEqualTo(Json.of(1));
        assertThat(api.client().get("/v1/rules/never-acted@1/stats").send().status()).isEqualTo(404);
    }

    @Test
    void aDryRunListsWhatWouldBeLiftedThenTheRecallLiftsItOnce() {
        for (int i = 0; i < 3; i++) {
            enforce(new Versioned("recall-rule", "4"), "r-" + i, "r-owner-" + i);
        }
        long before = api.events();

        Client.Reply dry = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", recall("recall-rule@4", true));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(RuleSafeguards.RECALLED.problems(dry.json())).isEmpty();
        assertThat(dry.string("status")).isEqualTo("dry-run");
        assertThat(dry.json().get("lifted")).isEqualTo(Json.of(3));
        assertThat(api.events()).isEqualTo(before);

        Client.Reply started = api.post(ApiRole.ADMIN, "/v1/recalls", recall("recall-rule@4", false));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(RuleSafeguards.RECALL_STATE.problems(started.json())).isEmpty();
        assertThat(started.json().get("toReverse")).isEqualTo(Json.of(3));
        String location = started.header("Location").orElseThrow();
        assertThat(location).isEqualTo("/v1/recalls/" + started.string("recall"));
        Client.Reply done = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(ApiRole.SENIOR_MODERATOR, location),
                reply -> "done".equals(reply.string("state")));
        assertThat(RuleSafeguards.RECALL_STATE.problems(done.json())).isEmpty();
        assertThat(done.json().get("reversed")).isEqualTo(Json.of(3));

        Client.Reply again = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", recall("recall-rule@4", false));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.string("status")).isEqualTo("nothing-stands");
        assertThat(api.client().get("/v1/rules/recall-rule@4/stats").send().json().get("recalled")).isEqualTo(Json.of(3));
    }

    @Test
    void aRecallRetriedWithItsIdempotencyKeyIsAnsweredAsFirstAndStartsNothingMore() {
        enforce(new Versioned("retried-rule", "1"), "rt-1", "rt-owner-1");
        String key = UUID.randomUUID().toString();

        Client.Reply first = api.client().post("/v1/recalls").key(api.key(ApiRole.ADMIN)).idempotencyKey(key)
                .json(recall("retried-rule@1", false)).send();
        Client.Reply retried = api.client().post("/v1/recalls").key(api.key(ApiRole.ADMIN)).idempotencyKey(key)
                .json(recall("retried-rule@1", false)).send();

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.string("recall")).isEqualTo(first.string("recall"));
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(ApiRole.ADMIN, first.header("Location").orElseThrow()).string("state"),
                "done"::equals);
        assertThat(api.client().get("/v1/rules/retried-rule@1/stats").send().json().get("recalls")).isEqualTo(Json.of(1));
    }

    @Test
    void theRecallsAreListedByCursorInTheOrderTheyWereStarted() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enforce(new Versioned("listed-rule", String.valueOf(i)), "l-" + i, "l-owner-" + i);
            started.add(api.post(ApiRole.ADMIN, "/v1/recalls", recall("listed-rule@" + i, false)).string("recall"));
        }

        List<String> seen = new ArrayList<>();
        String next = "/v1/recalls?limit=2";
        while (next != null) {
            Client.Reply page = api.get(ApiRole.SENIOR_MODERATOR, next);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(RuleSafeguards.RECALLS.problems(page.json())).isEmpty();
            ((Json.Arr) page.json().get("items")).elements().forEach(item -> seen.add(((Json.Str) ((Json.Obj) item).get("recall")).value()));
            next = page.json().get("next") instanceof Json.Str link ? link.value() : null;
        }

        assertThat(seen).containsSubsequence(started);
    }

    /** The path of the affected person's page of the decision among {@code events}. */
    private static String page(List<RecordedEvent> events) {
        CaseEvent.DecisionTaken taken = events.stream().map(RecordedEvent::event).filter(CaseEvent.DecisionTaken.class::isInstance)
                .map(CaseEvent.DecisionTaken.class::cast).findFirst().orElseThrow();
        return api.links().decisionPage(taken.decision().id()).getRawPath();
    }

    @Test
    void theAffectedPersonsPageShowsTheRecallsOwnReasonsAndApologyInPlaceOfTheFixedOne() {
        String page = page(enforce(new Versioned("apologetic-rule", "1"), "ap-1", "ap-owner-1"));

        Client.Reply started = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", recall("apologetic-rule@1", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(ApiRole.ADMIN, started.header("Location").orElseThrow()).string("state"),
                "done"::equals);

        String html = api.client().get(page + "?lang=en").send().text();
        assertThat(html).contains("the rule that made this decision was recalled. Why: The rule matched political vocabulary."
                + " — We are sorry: our automation erred.").doesNotContain("and we apologise");
    }

    @Test
    void aLiftByARecallRecordedWithoutItsTextsShowsTheFixedApology() {
        List<RecordedEvent> events = enforce(new Versioned("old-recall-rule", "1"), "or-1", "or-owner-1");
        CaseEvent.RestrictionApplied applied = events.stream().map(RecordedEvent::event).filter(CaseEvent.RestrictionApplied.class::isInstance)
                .map(CaseEvent.RestrictionApplied.class::cast).findFirst().orElseThrow();
        RecordedEvent last = events.stream().filter(e -> e.stream().equals(StreamId.of(applied.subject()))).reduce((x, y) -> y).orElseThrow();
        // A lift as recalls recorded it before they carried their reasons and apology.
        api.store().events().append(List.of(new EventStore.StreamAppend(last.stream(), last.version(), List.of(new CaseEvent.RestrictionLifted(
                applied.caseId(), applied.decision(), applied.subject(), applied.restriction().id(),
                new LiftCause.Recalled(new RecallId(UUID.randomUUID()), new Versioned("old-recall-rule", "1")), applied.at())))));

        String html = api.client().get(page(events) + "?lang=en").send().text();

        assertThat(html).contains("the rule that made this decision was recalled, and we apologise");
    }

    @Test
    void aRecallWithoutAnApologyOrWithOneTooLongIsRefusedNamingTheFieldAndChangesNothing() {
        enforce(new Versioned("unapologetic", "1"), "un-1", "un-owner-1");
        long before = api.events();

        Client.Reply missing = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls",
                Json.object().put("rule", "unapologetic@1").put("reasons", "Faulty rule.").build());
        Client.Reply tooLong = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", Json.object().put("rule", "unapologetic@1")
                .put("reasons", "Faulty rule.").put("apology", "x".repeat(Command.StartRecall.MAX_APOLOGY + 1)).build());

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(missing.fields()).containsExactly("$.apology");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.fields()).containsExactly("$.apology");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void anUnknownRecallIsNotFound() {
        assertThat(api.get(ApiRole.ADMIN, "/v1/recalls/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aRecallWithoutReasonsIsRefusedNamingTheFieldAndChangesNothing() {
        enforce(new Versioned("unreasoned", "1"), "u-1", "u-owner-1");
        long before = api.events();

        Client.Reply reply = api.post(ApiRole.SENIOR_MODERATOR, "/v1/recalls",
                Json.object().put("rule", "unreasoned@1").put("apology", "Sorry.").build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.reasons");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aModeratorCannotRecall() {
        assertThat(api.post(ApiRole.MODERATOR, "/v1/recalls", recall("any@1", true)).status()).isEqualTo(403);
    }

    @Test
    void aCohortTripsTheBreakerWhichShowsItsFiguresUntilASeniorModeratorResetsIt() {
        Versioned rule = new Versioned("cohort-rule", "2");
        for (int i = 0; i < 10; i++) {
            enforce(rule, "editor-post-" + i, "news-site");
        }

        Client.Reply breakers = api.get(ApiRole.AUDITOR, "/v1/breakers");
        assertThat(breakers.status()).as(breakers.text()).isEqualTo(200);
        assertThat(RuleSafeguards.BREAKERS.problems(breakers.json())).isEmpty();
        Json.Obj breaker = breaker(breakers, "cohort-rule@2");
        assertThat(breaker.get("tripped")).isEqualTo(Json.of(true));
        assertThat(((Json.Obj) breaker.get("trip")).get("cause")).isEqualTo(Json.of("COHORT"));
        assertThat(((Json.Obj) breaker.get("trip")).get("cohort_subjects")).isEqualTo(Json.of(10));

        Client.Reply reset = api.post(ApiRole.SENIOR_MODERATOR, "/v1/breakers/cohort-rule@2/reset",
                Json.object().put("reasons", "The editors' posts were checked by hand.").build());
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(RuleSafeguards.RESET_DONE.problems(reset.json())).isEmpty();
        assertThat(breaker(api.get(ApiRole.ADMIN, "/v1/breakers"), "cohort-rule@2").get("tripped"))
                .isEqualTo(Json.of(false));

        Client.Reply twice = api.post(ApiRole.ADMIN, "/v1/breakers/cohort-rule@2/reset", Json.object().put("reasons", "Again.").build());
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.fields()).containsExactly("rule");
    }

    @Test
    void aResetOfSomethingThatIsNoRuleVersionIsRefused() {
        Client.Reply reply = api.post(ApiRole.ADMIN, "/v1/breakers/no-version/reset", Json.object().put("reasons", "x").build());
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("rule");
    }

    private static Json.Obj breaker(Client.Reply reply, String rule) {
        return ((Json.Arr) reply.json().get("breakers")).elements().stream().map(Json.Obj.class::cast)
                .filter(b -> b.get("rule").equals(Json.of(rule))).findFirst().orElseThrow();
    }
}
