package dev.recourse.core.policy;

import static dev.recourse.core.policy.Policies.policy;
import static dev.recourse.core.policy.Policies.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.statement.DecisionGround;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {
    @Test
    void aValidPolicyCompiles() {
        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1",
                List.of(rule("free-money@2", RuleMode.ENFORCE, "size(lists['spam-words']) > 0 && subject.reach < 1000", List.of("spam-words")))));

        assertThat(v.errors()).isEmpty();
    }

    @Test
    void aConditionThatDoesNotParseIsNamedWithItsRuleAndPosition() {
        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1",
                List.of(rule("free-money@2", RuleMode.ENFORCE, "subject.reach >< 3", List.of()))));

        assertThat(v.errors()).isNotEmpty();
        FieldError e = v.errors().getFirst();
        assertThat(e.field()).isEqualTo("rules[free-money@2].condition");
        assertThat(e.problem()).startsWith("line 1, column 16:");
    }

    @Test
    void aConditionOfAnotherTypeThanBoolIsRefused() {
        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1",
                List.of(rule("reach@1", RuleMode.ENFORCE, "subject.reach + 1", List.of()))));

        assertThat(v.errors()).extracting(FieldError::field).containsExactly("rules[reach@1].condition");
    }

    @Test
    void anUndeclaredVariableIsNamedWithItsPosition() {
        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1",
                List.of(rule("r@1", RuleMode.ENFORCE, "true && user.banned", List.of()))));

        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("rules[r@1].condition");
            assertThat(e.problem()).contains("line 1, column 9").contains("user");
        });
    }

    @Test
    void aRuleNamingAnUnknownListIsRefused() {
        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1",
                List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of("no-such-list")))));

        assertThat(v.errors()).extracting(FieldError::field).containsExactly("rules[r@1].lists");
    }

    @Test
    void aStatementForIllegalContentWithoutALegalGroundIsRefusedAtLoadTime() {
        Rule rule = rule("r@1", RuleMode.ENFORCE, "true", List.of());
        StatementTemplate t = Policies.template();
        StatementTemplate illegal = new StatementTemplate(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT, Optional.empty(),
                Optional.empty(), t.explanation(), t.facts(), t.category(), t.keywords(), t.contentTypes(), t.referenceUrl());
        Rule bad = new Rule(rule.id(), rule.eventTypes(), rule.condition(), rule.lists(), rule.classifiers(), rule.action(), rule.mode(),
                illegal, rule.safeguards(), rule.onFailure());

        Validation<CompiledPolicy> v = PolicyCompiler.compile(policy("spam@1", List.of(bad)));

        assertThat(v.errors()).extracting(FieldError::field).contains("rules[r@1].statement.illegal_content_legal_ground");
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        Rule rule = rule("r@1", RuleMode.ENFORCE, "true", List.of());
        StatementTemplate t = Policies.template();
        StatementTemplate typo = new StatementTemplate(t.ground(), t.legalGround(), t.contractualGround(), "It says {matchs}.",
                t.facts(), t.category(), t.keywords(), t.contentTypes(), t.referenceUrl());
        Rule bad = new Rule(rule.id(), rule.eventTypes(), rule.condition(), rule.lists(), rule.classifiers(), rule.action(), rule.mode(),
                typo, rule.safeguards(), rule.onFailure());

        assertThat(PolicyCompiler.compile(policy("spam@1", List.of(bad))).errors())
                .singleElement().satisfies(e -> assertThat(e.problem()).contains("{matchs}"));
    }

    @Test
    void aPatternThatDoesNotCompileIsNamedWithItsListAndIndex() {
        Policy p = new Policy(new Versioned("spam", "1"),
                List.of(new MatchList.Patterns(new Versioned("links", "3"), List.of("ok", "bad(["), 1000)), List.of(), List.of());

        assertThat(PolicyCompiler.compile(p).errors()).extracting(FieldError::field).containsExactly("lists[links@3].patterns[1]");
    }
}
