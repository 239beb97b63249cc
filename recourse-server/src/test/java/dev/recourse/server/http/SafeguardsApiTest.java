package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.Result;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.store.TestCases;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Breakers, recalls and rule figures through the API, on a real store. */
class SafeguardsApiTest {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = new TestApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private Client.Reply post(ApiRole role, String path, Json body) {
        return api.client.post(path).key(api.key(role)).idempotencyKey(UUID.randomUUID().toString()).json(body).send();
    }

    /** {@code rule} removes the post {@code id} of {@code owner}, by itself. */
    private static List<RecordedEvent> enforce(Versioned rule, String id, String owner) {
        Subject post = TestCases.post(id, owner);
        Result detected = api.store.dueProcess().handle(new Command.RecordDetection(post, new Signal.RuleMatch(rule)));
        CaseEvent.DetectionRecorded detection = ((Result.Accepted) detected).events().stream().map(RecordedEvent::event)
                .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow();
        Result decided = api.store.dueProcess().handle(new Command.Decide(post.ref(), Set.of(), Set.of(detection.detection().id()),
                new Command.DecidedBy.Rule(AutomatedRule.of(rule), Command.Mode.ENFORCE), new Command.Plan.Restrict(List.of(
                        PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                                Optional.empty()))), TestCases.illegalReasons())));
        assertThat(decided).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted) decided).events();
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

        Client.Reply reply = api.client.get("/v1/rules/stats-rule@1/stats").send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(RuleSafeguards.STATS.problems(reply.json())).isEmpty();
        assertThat(reply.json().get("actions")).isEqualTo(Json.of(1));
        assertThat(api.client.get("/v1/rules/never-acted@1/stats").send().status()).isEqualTo(404);
    }

    @Test
    void aDryRunListsWhatWouldBeLiftedThenTheRecallLiftsItOnce() {
        for (int i = 0; i < 3; i++) {
            enforce(new Versioned("recall-rule", "4"), "r-" + i, "r-owner-" + i);
        }
        long before = api.events();

        Client.Reply dry = post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", recall("recall-rule@4", true));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(RuleSafeguards.RECALLED.problems(dry.json())).isEmpty();
        assertThat(dry.string("status")).isEqualTo("dry-run");
        assertThat(dry.json().get("lifted")).isEqualTo(Json.of(3));
        assertThat(api.events()).isEqualTo(before);

        Client.Reply done = post(ApiRole.ADMIN, "/v1/recalls", recall("recall-rule@4", false));
        assertThat(done.status()).as(done.text()).isEqualTo(201);
        assertThat(RuleSafeguards.RECALLED.problems(done.json())).isEmpty();
        assertThat(done.json().get("lifted")).isEqualTo(Json.of(3));

        Client.Reply again = post(ApiRole.SENIOR_MODERATOR, "/v1/recalls", recall("recall-rule@4", false));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.string("status")).isEqualTo("nothing-stands");
        assertThat(api.client.get("/v1/rules/recall-rule@4/stats").send().json().get("recalled")).isEqualTo(Json.of(3));
    }

    @Test
    void aRecallWithoutReasonsIsRefusedNamingTheFieldAndChangesNothing() {
        enforce(new Versioned("unreasoned", "1"), "u-1", "u-owner-1");
        long before = api.events();

        Client.Reply reply = post(ApiRole.SENIOR_MODERATOR, "/v1/recalls",
                Json.object().put("rule", "unreasoned@1").put("apology", "Sorry.").build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.reasons");
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aModeratorCannotRecall() {
        assertThat(post(ApiRole.MODERATOR, "/v1/recalls", recall("any@1", true)).status()).isEqualTo(403);
    }

    @Test
    void aCohortTripsTheBreakerWhichShowsItsFiguresUntilASeniorModeratorResetsIt() {
        Versioned rule = new Versioned("cohort-rule", "2");
        for (int i = 0; i < 10; i++) {
            enforce(rule, "editor-post-" + i, "news-site");
        }

        Client.Reply breakers = api.client.get("/v1/breakers").key(api.key(ApiRole.AUDITOR)).send();
        assertThat(breakers.status()).as(breakers.text()).isEqualTo(200);
        assertThat(RuleSafeguards.BREAKERS.problems(breakers.json())).isEmpty();
        Json.Obj breaker = breaker(breakers, "cohort-rule@2");
        assertThat(breaker.get("tripped")).isEqualTo(Json.of(true));
        assertThat(((Json.Obj) breaker.get("trip")).get("cause")).isEqualTo(Json.of("COHORT"));
        assertThat(((Json.Obj) breaker.get("trip")).get("cohort_subjects")).isEqualTo(Json.of(10));

        Client.Reply reset = post(ApiRole.SENIOR_MODERATOR, "/v1/breakers/cohort-rule@2/reset",
                Json.object().put("reasons", "The editors' posts were checked by hand.").build());
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(RuleSafeguards.RESET_DONE.problems(reset.json())).isEmpty();
        assertThat(breaker(api.client.get("/v1/breakers").key(api.key(ApiRole.ADMIN)).send(), "cohort-rule@2").get("tripped"))
                .isEqualTo(Json.of(false));

        Client.Reply twice = post(ApiRole.ADMIN, "/v1/breakers/cohort-rule@2/reset", Json.object().put("reasons", "Again.").build());
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.fields()).containsExactly("rule");
    }

    @Test
    void aResetOfSomethingThatIsNoRuleVersionIsRefused() {
        Client.Reply reply = post(ApiRole.ADMIN, "/v1/breakers/no-version/reset", Json.object().put("reasons", "x").build());
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("rule");
    }

    private static Json.Obj breaker(Client.Reply reply, String rule) {
        return ((Json.Arr) reply.json().get("breakers")).elements().stream().map(Json.Obj.class::cast)
                .filter(b -> b.get("rule").equals(Json.of(rule))).findFirst().orElseThrow();
    }
}
