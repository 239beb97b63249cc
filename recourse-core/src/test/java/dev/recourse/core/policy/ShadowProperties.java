package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A shadow rule never yields a command, whatever it matches and however its evidence fails. */
class ShadowProperties {
    @Property(tries = 200)
    void aShadowRuleNeverYieldsACommand(@ForAll("conditions") String condition, @ForAll("texts") String text,
            @ForAll OnFailure onFailure, @ForAll boolean classifierFails) {
        Rule base = Policies.rule("shadow@1", RuleMode.SHADOW, condition, List.of("spam-words"));
        Rule rule = new Rule(base.id(), base.eventTypes(), base.condition(), base.lists(), List.of("toxicity"), base.action(),
                base.mode(), base.statement(), base.safeguards(), onFailure);
        ClassifierSpec toxicity = new ClassifierSpec(Policies.versioned("toxicity@1"), java.net.URI.create("http://127.0.0.1:1/"),
                java.time.Duration.ofSeconds(1), 0);
        Policy policy = new Policy(Policies.versioned("p@1"), List.of(Policies.spamWords()), List.of(toxicity), List.of(rule));
        Scorer scorer = (c, e) -> classifierFails ? new Scorer.Score.Failed("down") : new Scorer.Score.Scored(0.99);

        Evaluation e = Policies.compiled(policy).evaluate(Policies.post("e", text), Policies.NOW, scorer);

        assertThat(e.outcomes()).noneMatch(RuleOutcome.Act.class::isInstance);
    }

    @Provide
    Arbitrary<String> conditions() {
        return Arbitraries.of("true", "false", "scores['toxicity'] > 0.5", "size(lists['spam-words']) > 0", "event.attributes['x'] == 1");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("free money", "nothing", "FREE MONEY and a crypto giveaway", "وام فوری", "");
    }
}
