package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.store.TestCases;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.audit.LogAuditor;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDecisionsCommandTest {
    private static final Pattern RESULT = Pattern.compile("\\{\"decisions\":(\\d+),\"seconds\":[0-9.]+,\"decisionsPerSecond\":\\d+,"
            + "\"p50Millis\":[0-9.]+,\"p99Millis\":[0-9.]+,\"coveredSeconds\":[0-9.]+,\"threads\":\\d+,"
            + "\"logDir\":\"([^\"]+)\",\"verifierKey\":\"([^\"]+)\"}");

    @TempDir
    Path dir;

    @Test
    void theLastLineIsTheResultAndTheLogItLeavesAuditsCleanWithEveryEvent() throws IOException {
        Run run = Run.of("bench", "decisions", "--count", "40", "--threads", "8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String last = run.out().lines().reduce((first, second) -> second).orElseThrow();
        Matcher result = RESULT.matcher(last);
        assertThat(result.matches()).as(last).isTrue();
        assertThat(result.group(1)).isEqualTo("40");
        Path log = Path.of(result.group(2));
        try (Stream<Path> left = Files.list(log.getParent())) {
            assertThat(left).as("only the log is kept").containsExactly(log);
        }
        LogAuditor.AuditReport report = new LogAuditor(new DirectoryTiles(log),
                VerifierKeys.parse(result.group(3)).orElseThrow(), Optional.empty()).audit(n -> { });
        TestCases.deleteTree(log.getParent());
        assertThat(report.verdict()).isEqualTo(Verdict.HOLDS);
        // Each decision: the case opened and described, the notice and its receipt confirmed; the decision, its
        // restriction, the owner and the notifier told, a strike.
        assertThat(report.checkpoint().orElseThrow().size().value()).isEqualTo(40 * 9);
        assertThat(run.errLines()).anyMatch(line -> line.startsWith("decided 40 / 40 (100%)"));
    }

    @Test
    void verifyAuditsTheLogTheBenchmarkLeft() {
        Run bench = Run.of("bench", "decisions", "--count", "5", "--threads", "2", "--rate", "50", "--warmup", "3", "--dir",
                dir.resolve("bench").toString());
        Matcher result = RESULT.matcher(bench.out().lines().reduce((first, second) -> second).orElseThrow());
        assertThat(result.matches()).isTrue();

        Run verify = Run.of("verify", "--log", result.group(2), "--key", result.group(3));

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).as("the warm-up's decisions are in the log too").contains(": 72 entries");
    }

    @Test
    void noDecisionsIsAUsageError() {
        Run run = Run.of("bench", "decisions", "--count", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("--count must be at least 1");
    }

    @Test
    void anExistingDirectoryIsRefusedAndLeftAlone() {
        Run run = Run.of("bench", "decisions", "--count", "1", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("already exists");
    }

    @Test
    void aRateOfNothingIsAUsageError() {
        Run run = Run.of("bench", "decisions", "--count", "1", "--rate", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("--rate must be more than 0");
    }

    @Test
    void benchAloneNamesItsCommands() {
        Run run = Run.of("bench");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("decisions");
    }
}
