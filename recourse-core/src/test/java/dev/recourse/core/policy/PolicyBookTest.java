package dev.recourse.core.policy;

import static dev.recourse.core.policy.Policies.policy;
import static dev.recourse.core.policy.Policies.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
    private final PolicyBook book = new PolicyBook();

    @Test
    void aNewVersionThatCompilesBecomesActive() {
        book.submit(policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of()))));
        book.submit(policy("spam@2", List.of(rule("r@2", RuleMode.ENFORCE, "false", List.of()))));

        assertThat(book.active("spam")).map(CompiledPolicy::id).contains(new Versioned("spam", "2"));
    }

    @Test
    void aBadNewVersionLeavesThePreviousVersionActive() {
        book.submit(policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of()))));

        var refused = book.submit(policy("spam@2", List.of(rule("r@2", RuleMode.ENFORCE, "true &&", List.of()))));

        assertThat(refused.isValid()).isFalse();
        assertThat(book.active("spam")).map(CompiledPolicy::id).contains(new Versioned("spam", "1"));
        assertThat(book.versions("spam")).containsExactly(new Versioned("spam", "1"));
    }

    @Test
    void everyAcceptedVersionIsKept() {
        Policy first = policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of())));
        book.submit(first);
        book.submit(policy("spam@2", List.of(rule("r@2", RuleMode.SHADOW, "true", List.of()))));

        assertThat(book.versions("spam")).containsExactly(new Versioned("spam", "1"), new Versioned("spam", "2"));
        assertThat(book.version(new Versioned("spam", "1"))).contains(first);
    }

    @Test
    void aKeptVersionCannotBeChanged() {
        book.submit(policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of()))));

        var changed = book.submit(policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "false", List.of()))));

        assertThat(changed.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void submittingAKeptVersionAgainChangesNothing() {
        Policy p = policy("spam@1", List.of(rule("r@1", RuleMode.ENFORCE, "true", List.of())));
        book.submit(p);

        assertThat(book.submit(p).orElseThrow()).isEqualTo(PolicyBook.Submission.ALREADY_KEPT);
        assertThat(book.versions("spam")).hasSize(1);
    }
}
