package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.audit.LogAuditor;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogBenchCommandTest {
    private static final Pattern RESULT = Pattern.compile(
            "\\{\"entries\":(\\d+),\"seconds\":[0-9.]+,\"entriesPerSecond\":\\d+,\"verifierKey\":\"([^\"]+)\"}");

    @TempDir
    Path dir;

    @Test
    void theLastLineIsTheResultAndTheLogItLeavesAuditsClean() throws IOException {
        Run run = Run.of("log", "bench", "--entries", "70001", "--dir", dir.toString(), "--entry-bytes", "100");

        assertThat(run.exitCode()).isZero();
        String last = run.out().lines().reduce((first, second) -> second).orElseThrow();
        Matcher result = RESULT.matcher(last);
        assertThat(result.matches()).as(last).isTrue();
        assertThat(result.group(1)).isEqualTo("70001");
        NoteVerifier key = VerifierKeys.parse(result.group(2)).orElseThrow();
        LogAuditor.AuditReport report = new LogAuditor(new DirectoryTiles(dir), key, Optional.empty()).audit(n -> { });
        assertThat(report.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(report.checkpoint().orElseThrow().size()).isEqualTo(TreeSize.of(70_001));
        assertThat(new DirectoryTiles(dir).entry(70_000, TreeSize.of(70_001))).hasSize(100);
    }

    @Test
    void aDirectoryThatHoldsALogIsRefusedAndLeftAlone() throws IOException {
        assertThat(Run.of("log", "bench", "--entries", "10", "--dir", dir.toString()).exitCode()).isZero();
        String checkpoint = Files.readString(dir.resolve("checkpoint"));

        Run again = Run.of("log", "bench", "--entries", "10", "--dir", dir.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.firstErrLine()).contains("already holds a log");
        assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(checkpoint);
    }

    @Test
    void noEntriesIsAUsageError() {
        Run run = Run.of("log", "bench", "--entries", "0", "--dir", dir.resolve("new").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("--entries must be at least 1");
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void anEntrySizeOverTheBundleLimitIsAUsageError() {
        Run run = Run.of("log", "bench", "--entries", "5", "--dir", dir.resolve("new").toString(), "--entry-bytes", "65536");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("--entry-bytes must be 0 to 65535");
    }
}
