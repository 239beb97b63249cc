package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.policy.MatchList;
import dev.recourse.core.policy.OnFailure;
import dev.recourse.core.policy.Policy;
import dev.recourse.core.policy.PolicyCompiler;
import dev.recourse.core.policy.RuleMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyYamlTest {
    static String example() throws IOException {
        try (InputStream in = PolicyYamlTest.class.getResourceAsStream("/policies/scams.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExamplePolicyReadsAndCompiles() throws IOException {
        Policy p = PolicyYaml.read(example()).orElseThrow();

        assertThat(p.id()).isEqualTo(new Versioned("scams", "4"));
        assertThat(p.lists()).extracting(MatchList::id).extracting(Versioned::toString)
                .containsExactly("scam-phrases@7", "short-links@2", "known-scam-images@12");
        assertThat(p.rules()).extracting(r -> r.mode()).containsExactly(RuleMode.ENFORCE, RuleMode.PROPOSE, RuleMode.SHADOW);
        assertThat(p.rules().getFirst().action().duration()).contains(Duration.ofDays(90));
        assertThat(p.classifiers().getFirst().timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(p.rules().get(2).onFailure()).isEqualTo(OnFailure.NO_DECISION);
        assertThat(PolicyCompiler.compile(p).errors()).isEmpty();
    }

    @Test
    void brokenYamlIsNamedByLineAndColumn() {
        Validation<Policy> v = PolicyYaml.read("policy: scams@1\nrules: [\n  - id: x");

        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("source");
            assertThat(e.problem()).startsWith("line ");
        });
    }

    @Test
    void aMisspeltKeyIsAProblem() throws IOException {
        Validation<Policy> v = PolicyYaml.read(example().replace("    mode: propose", "    mdoe: propose"));

        assertThat(v.errors()).extracting(FieldError::field).contains("rules[1].mdoe", "rules[1].mode");
    }

    @Test
    void anUnknownRestrictionIsNamedByItsPath() throws IOException {
        Validation<Policy> v = PolicyYaml.read(example().replace("DECISION_VISIBILITY_CONTENT_DISABLED", "DISABLED"));

        assertThat(v.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("rules[1].action.restrictions[0].visibility"));
    }

    @Test
    void aBadDurationIsNamedByItsPath() throws IOException {
        Validation<Policy> v = PolicyYaml.read(example().replace("duration: 90d", "duration: ninety days"));

        assertThat(v.errors()).extracting(FieldError::field).containsExactly("rules[0].action.duration");
    }

    @Test
    void aVersionlessIdIsRefused() throws IOException {
        Validation<Policy> v = PolicyYaml.read(example().replace("policy: scams@4", "policy: scams"));

        assertThat(v.errors()).extracting(FieldError::field).containsExactly("policy");
    }

    @Test
    void shortDurationsAndIsoDurationsAreRead() {
        assertThat(PolicyYaml.duration("200ms")).contains(Duration.ofMillis(200));
        assertThat(PolicyYaml.duration("PT1H")).contains(Duration.ofHours(1));
        assertThat(PolicyYaml.duration("1 hour")).isEmpty();
    }
}
