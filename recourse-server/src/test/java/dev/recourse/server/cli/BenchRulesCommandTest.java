package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchRulesCommandTest {
    private static final Pattern RESULT = Pattern.compile(
            "\\{\"events\":(\\d+),\"rules\":(\\d+),\"seconds\":[0-9.]+,\"eventsPerSecond\":\\d+,\"ruleEvaluationsPerSecond\":\\d+}");

    @Test
    void theLastLineIsTheResult() {
        Run run = Run.of("bench", "rules", "--events", "3000", "--rules", "12", "--warmup", "500");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String last = run.out().lines().reduce((first, second) -> second).orElseThrow();
        Matcher result = RESULT.matcher(last);
        assertThat(result.matches()).as(last).isTrue();
        assertThat(result.group(1)).isEqualTo("3000");
        assertThat(result.group(2)).isEqualTo("12");
        assertThat(run.errLines()).anyMatch(line -> line.startsWith("evaluated 3,000 / 3,000 (100%)"));
    }

    @Test
    void aRuleCountOfZeroIsAUsageError() {
        Run run = Run.of("bench", "rules", "--events", "10", "--rules", "0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines().getFirst()).isEqualTo("recourse bench rules: --rules must be 1 to 10000, not 0");
        assertThat(run.out()).isEmpty();
    }
}
