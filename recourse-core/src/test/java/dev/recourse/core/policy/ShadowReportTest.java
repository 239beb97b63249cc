package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowReportTest {
    private final CompiledPolicy policy = Policies.compiled(Policies.policy("spam@1",
            List.of(Policies.rule("free-money@3", RuleMode.SHADOW, "true", List.of("spam-words")))));

    @Test
    void countsEveryShadowMatchOfEachRuleVersion() {
        ShadowReport report = new ShadowReport(2);
        for (int i = 0; i < 5; i++) {
            report.add(policy.evaluate(Policies.post("e" + i, "free money"), Policies.NOW, Scorer.NONE));
        }
        report.add(policy.evaluate(Policies.post("quiet", "hello"), Policies.NOW, Scorer.NONE));

        assertThat(report.counts()).isEqualTo(Map.of(new Versioned("free-money", "3"), 5L));
    }

    @Test
    void keepsTheFirstMatchesAsSamples() {
        ShadowReport report = new ShadowReport(2);
        for (int i = 0; i < 5; i++) {
            report.add(policy.evaluate(Policies.post("e" + i, "free money"), Policies.NOW, Scorer.NONE));
        }

        assertThat(report.samples(new Versioned("free-money", "3"))).extracting(ShadowRecord::eventId).containsExactly("e0", "e1");
    }
}
