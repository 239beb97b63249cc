package dev.recourse.server.cli;

import static dev.recourse.server.cli.TestLogs.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogProveCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheReceiptOfTheEntryAgainstTheCurrentCheckpoint() throws IOException {
        List<String> notes = TestLogs.append(dir, "entry", 100, 200);

        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "123");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        Receipt receipt = Receipt.parse(run.out()).orElseThrow();
        assertThat(receipt).isEqualTo(Receipt.prove(new DirectoryTiles(dir), 123, notes.getLast()));
        assertThat(receipt.checkpointNote()).isEqualTo(notes.getLast());
        assertThat(receipt.extra().orElseThrow()).isEqualTo("entry 123".getBytes(StandardCharsets.UTF_8));
        assertThat(receipt.verify(KEY.verifier(), Optional.empty())).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void theFirstAndLastEntriesHaveReceipts() throws IOException {
        TestLogs.append(dir, "entry", 300);

        for (String index : List.of("0", "299")) {
            Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", index);

            assertThat(run.exitCode()).isZero();
            assertThat(Receipt.parse(run.out()).orElseThrow().verify(KEY.verifier(), Optional.empty())).isEqualTo(Verdict.HOLDS);
        }
    }

    @Test
    void anIndexPastTheEndFailsInOneLine() throws IOException {
        TestLogs.append(dir, "entry", 300);

        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "300");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: the log in " + dir + " has 300 entries, 0 to 299: there is no entry 300");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anEmptyLogHasNoEntryToProve() throws IOException {
        TestLogs.append(dir, "entry", 0);

        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: the log in " + dir + " has no entries yet");
    }

    @Test
    void aNegativeIndexIsAUsageError() throws IOException {
        TestLogs.append(dir, "entry", 3);

        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse log prove: --index is at least 0, not -1");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anIndexThatIsNoNumberIsAUsageError() {
        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "seven");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse log prove: Invalid value for option '--index'");
    }

    @Test
    void aMissingDirectoryFailsInOneLine() {
        Path missing = dir.resolve("nothing-here");

        Run run = Run.of("log", "prove", "--dir", missing.toString(), "--index", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no log in " + missing + ": there is no such directory");
        assertThat(run.out()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDirectoryWithoutACheckpointFailsInOneLine() {
        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no log in " + dir + ": it has no checkpoint");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCheckpointThatIsNoSignedCheckpointFailsNamingIt() throws IOException {
        Files.writeString(dir.resolve("checkpoint"), "example.com/test-log\n5\n");

        Run run = Run.of("log", "prove", "--dir", dir.toString(), "--index", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.firstErrLine()).startsWith("recourse: " + dir.resolve("checkpoint") + ": not a signed note: ");
    }
}
