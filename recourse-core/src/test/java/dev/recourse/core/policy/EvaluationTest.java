package dev.recourse.core.policy;

import static dev.recourse.core.policy.Policies.NOW;
import static dev.recourse.core.policy.Policies.compiled;
import static dev.recourse.core.policy.Policies.policy;
import static dev.recourse.core.policy.Policies.post;
import static dev.recourse.core.policy.Policies.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.core.process.Settings;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Rule FREE_MONEY = rule("free-money@2", RuleMode.ENFORCE, "size(lists['spam-words']) > 0", List.of("spam-words"));

    @Test
    void anEnforcingRuleThatMatchesDecidesWithItsVersionAndItsListsVersions() {
        Evaluation e = compiled(policy("spam@1", List.of(FREE_MONEY))).evaluate(post("e1", "Get FREE money today"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Act.class, act -> {
            Command.Decide d = act.decide();
            assertThat(d.decidedBy()).isEqualTo(new Command.DecidedBy.Rule(
                    new AutomatedRule(new Versioned("free-money", "2"), List.of(new Versioned("spam-words", "7")), List.of()), Command.Mode.ENFORCE));
            Command.Plan.Restrict plan = (Command.Plan.Restrict) d.plan();
            assertThat(plan.restrictions()).extracting(PlannedRestriction::endsAt).containsExactly(java.util.Optional.of(NOW.plus(Duration.ofDays(30))));
            assertThat(plan.reasons().grounds().incompatibleContentExplanation()).contains("The post contains free money, listed as spam.");
            assertThat(plan.reasons().grounds().decisionFacts()).contains("Rule free-money@2 matched event e1 about content:p-e1.");
        });
    }

    @Test
    void aConditionSeesTheSubjectsNetworkAndPageAndEmptyTextWithout() {
        Rule newsroom = rule("newsroom@1", RuleMode.ENFORCE, "subject.network == 'org:tagesblatt' && subject.page == 'tagesblatt'",
                List.of("spam-words"));
        Rule alone = rule("alone@1", RuleMode.ENFORCE, "subject.network == '' && subject.page == ''", List.of("spam-words"));
        CompiledPolicy compiled = compiled(policy("groups@1", List.of(newsroom, alone)));
        ContentEvent plain = post("e1", "free money");
        Subject s = plain.subject();
        ContentEvent onThePage = new ContentEvent("e2", plain.type(), new Subject(s.ref(), s.owner(), s.reach(),
                s.language(), s.territory(), s.protectedMark(), s.since(), s.accountType(),
                Optional.of(new NetworkId("org:tagesblatt")),
                Optional.of(new SubjectRef(SubjectKind.PAGE, "tagesblatt"))),
                plain.texts(), plain.hashes(), plain.attributes(), NOW);

        assertThat(compiled.evaluate(onThePage, NOW, Scorer.NONE).outcomes()).singleElement()
                .isInstanceOfSatisfying(RuleOutcome.Act.class, act -> assertThat(act.rule()).isEqualTo(new Versioned("newsroom", "1")));
        assertThat(compiled.evaluate(plain, NOW, Scorer.NONE).outcomes()).singleElement()
                .isInstanceOfSatisfying(RuleOutcome.Act.class, act -> assertThat(act.rule()).isEqualTo(new Versioned("alone", "1")));
    }

    @Test
    void aProposingRuleProposes() {
        Rule proposing = rule("free-money@2", RuleMode.PROPOSE, "true", List.of("spam-words"));

        Evaluation e = compiled(policy("spam@1", List.of(proposing))).evaluate(post("e1", "free money"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Act.class,
                act -> assertThat(((Command.DecidedBy.Rule) act.decide().decidedBy()).mode()).isEqualTo(Command.Mode.PROPOSE));
    }

    @Test
    void aShadowRuleOnlyRecordsWhatItWouldHaveDone() {
        Rule shadow = rule("free-money@3", RuleMode.SHADOW, "true", List.of("spam-words"));

        Evaluation e = compiled(policy("spam@1", List.of(shadow))).evaluate(post("e1", "free money"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Shadowed.class, s -> {
            assertThat(s.record().rule()).isEqualTo(new Versioned("free-money", "3"));
            assertThat(s.record().restrictions()).hasSize(1);
        });
    }

    @Test
    void aRuleWhoseListsFoundNothingIsNotEvaluated() {
        Evaluation e = compiled(policy("spam@1", List.of(FREE_MONEY))).evaluate(post("e1", "a quiet afternoon"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).isEmpty();
        assertThat(e.conditionsEvaluated()).isZero();
    }

    @Test
    void aRuleIsNotEvaluatedForOtherEventTypes() {
        ContentEvent renamed = new ContentEvent("e2", "page.renamed", Policies.post("p1"), Map.of("name", "free money"), Set.of(), Map.of(), NOW);

        Evaluation e = compiled(policy("spam@1", List.of(FREE_MONEY))).evaluate(renamed, NOW, Scorer.NONE);

        assertThat(e.outcomes()).isEmpty();
    }

    @Test
    void conditionsReadTheSubjectAndTheAttributes() {
        Rule rule = rule("reach@1", RuleMode.ENFORCE, "subject.reach > 100 && event.attributes['links'] > 3", List.of());
        ContentEvent many = new ContentEvent("e3", "post.created", Policies.post("p3"), Map.of(), Set.of(), Map.of("links", 5L), NOW);
        ContentEvent few = new ContentEvent("e4", "post.created", Policies.post("p4"), Map.of(), Set.of(), Map.of("links", 1L), NOW);
        CompiledPolicy p = compiled(policy("spam@1", List.of(rule)));

        assertThat(p.evaluate(many, NOW, Scorer.NONE).outcomes()).hasSize(1);
        assertThat(p.evaluate(few, NOW, Scorer.NONE).outcomes()).isEmpty();
    }

    @Test
    void aConditionThatFailsOnAnEventWithholdsTheDecisionAndSaysWhy() {
        Rule rule = rule("links@1", RuleMode.ENFORCE, "event.attributes['links'] > 3", List.of());

        Evaluation e = compiled(policy("spam@1", List.of(rule))).evaluate(post("e5", "hello"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Withheld.class,
                w -> assertThat(w.reason()).startsWith("the condition failed"));
    }

    @Test
    void aHashListMatchesTheEventsHashes() {
        ContentHash known = new ContentHash("a".repeat(64));
        MatchList.Hashes hashes = new MatchList.Hashes(new Versioned("known-images", "12"), Set.of(known));
        Rule rule = rule("known-image@1", RuleMode.ENFORCE, "true", List.of("known-images"));
        Policy p = new Policy(new Versioned("images", "1"), List.of(hashes), List.of(), List.of(rule));
        ContentEvent withImage = new ContentEvent("e6", "post.created", Policies.post("p6"), Map.of(), Set.of(known), Map.of(), NOW);

        assertThat(compiled(p).evaluate(withImage, NOW, Scorer.NONE).outcomes()).singleElement().isInstanceOf(RuleOutcome.Act.class);
    }

    @Test
    void aPatternSearchThatRunsOutOfBudgetNeverEnforces() {
        MatchList.Patterns slow = new MatchList.Patterns(new Versioned("slow", "1"), List.of("((a+)+)+[bc]"), 10_000);
        Rule rule = rule("slow@1", RuleMode.ENFORCE, "true", List.of("slow"));
        Policy p = new Policy(new Versioned("patterns", "1"), List.of(slow), List.of(), List.of(rule));

        Evaluation e = compiled(p).evaluate(post("e7", "a".repeat(40) + "!"), NOW, Scorer.NONE);

        assertThat(e.outcomes()).singleElement().isInstanceOf(RuleOutcome.Withheld.class);
    }

    @Test
    void aFailedClassifierLeadsToReviewWhenTheRuleAsksForIt() {
        ClassifierSpec toxicity = new ClassifierSpec(new Versioned("toxicity", "4"), URI.create("http://127.0.0.1:1/score"), Duration.ofMillis(100), 0);
        Rule base = rule("toxic@1", RuleMode.ENFORCE, "scores['toxicity'] > 0.9", List.of());
        Rule review = new Rule(base.id(), base.eventTypes(), base.condition(), base.lists(), List.of("toxicity"), base.action(), base.mode(),
                base.statement(), base.safeguards(), OnFailure.REVIEW);
        Policy p = new Policy(new Versioned("toxic", "1"), List.of(), List.of(toxicity), List.of(review));

        Evaluation e = compiled(p).evaluate(post("e8", "hello"), NOW, (c, ev) -> new Scorer.Score.Failed("timed out"));

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Act.class,
                act -> assertThat(((Command.DecidedBy.Rule) act.decide().decidedBy()).mode()).isEqualTo(Command.Mode.PROPOSE));
    }

    @Test
    void aScoreAboveTheThresholdEnforcesAndNamesTheModelVersion() {
        ClassifierSpec toxicity = new ClassifierSpec(new Versioned("toxicity", "4"), URI.create("http://127.0.0.1:1/score"), Duration.ofMillis(100), 0);
        Rule base = rule("toxic@1", RuleMode.ENFORCE, "scores['toxicity'] > 0.9", List.of());
        Rule scored = new Rule(base.id(), base.eventTypes(), base.condition(), base.lists(), List.of("toxicity"), base.action(), base.mode(),
                base.statement(), base.safeguards(), OnFailure.NO_DECISION);
        Policy p = new Policy(new Versioned("toxic", "1"), List.of(), List.of(toxicity), List.of(scored));

        Evaluation e = compiled(p).evaluate(post("e9", "hello"), NOW, (c, ev) -> new Scorer.Score.Scored(0.95));

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Act.class,
                act -> assertThat(((Command.DecidedBy.Rule) act.decide().decidedBy()).rule().models())
                        .containsExactly(new Versioned("toxicity", "4")));
    }

    @Test
    void theCoreTakesTheDecisionOfAnEnforcingRule() {
        RuleOutcome.Act act = (RuleOutcome.Act) compiled(policy("spam@1", List.of(FREE_MONEY)))
                .evaluate(post("e1", "free money"), NOW, Scorer.NONE).outcomes().getFirst();
        DueProcess core = new DueProcess(new InMemoryEventStore(), InstantSource.fixed(NOW), new Random(1),
                Settings.defaults("Out-of-court settlement: https://example.eu/ods", "The courts where you live."));

        Result.Accepted detected = (Result.Accepted) core.handle(act.detection());
        var detection = detected.events().stream().map(RecordedEvent::event).filter(CaseEvent.DetectionRecorded.class::isInstance)
                .map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow().detection().id();
        Result decided = core.handle(act.decide(detection));

        assertThat(decided).isInstanceOfSatisfying(Result.Accepted.class, a -> assertThat(a.events()).map(RecordedEvent::event)
                .anyMatch(CaseEvent.DecisionTaken.class::isInstance));
    }
}
