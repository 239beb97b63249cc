package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.server.transparency.DecidedStore;
import dev.recourse.server.transparency.ReferenceSchema;
import dev.recourse.tlog.tile.Tile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recourse export dsa} reading the public entries from the log's entry bundles: over a store whose log holds
 * full bundles and whose newest entries only a partial bundle holds, so both the bundles and the database are read.
 */
class ExportDsaFromLogTest {
    private static final int DECISIONS = 60;
    static DecidedStore decided;

    @TempDir
    Path dir;

    @BeforeAll
    static void decide(@TempDir Path data) throws IOException {
        decided = new DecidedStore(data);
        decided.withDecisions();
        for (int i = 0; i < DECISIONS; i++) {
            decided.removal();
        }
        decided.suspension();
        await().atMost(Duration.ofSeconds(30)).until(() -> decided.store.log().checkpoint()
                .filter(c -> c.size().value() >= 2 * Tile.WIDTH && c.size().value() % Tile.WIDTH != 0).isPresent());
    }

    @AfterAll
    static void close() throws IOException {
        decided.close();
    }

    @Test
    void theLogAndTheDatabaseGiveTheSameFileByteForByte() throws IOException {
        Path fromLog = dir.resolve("log.jsonl");
        Path fromDatabase = dir.resolve("database.jsonl");

        Run log = run("export", "dsa", "--out", fromLog.toString(), "--log", decided.store.log().directory().toString());
        Run database = run("export", "dsa", "--out", fromDatabase.toString(), "--database-only");

        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(database.exitCode()).as(database.err()).isZero();
        assertThat(Files.readAllLines(fromLog)).hasSize(DECISIONS + 5);
        assertThat(Files.mismatch(fromLog, fromDatabase)).isEqualTo(-1L);
    }

    @Test
    void everyLineReadFromTheLogIsAStatementTheReferenceSchemaAccepts() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        run("export", "dsa", "--out", out.toString(), "--parts", "3", "--log", decided.store.log().directory().toString());

        List<String> lines = Files.readAllLines(out);
        ReferenceSchema schema = ReferenceSchema.load();
        assertThat(lines).hasSize(DECISIONS + 5).allSatisfy(line -> assertThat(schema.problems(line)).as(line).isEmpty());
        for (String personal : DecidedStore.PERSONAL) {
            assertThat(String.join("\n", lines)).doesNotContain(personal);
        }
    }

    @Test
    void aDirectoryWithoutALogIsAUsageError() {
        Run run = run("export", "dsa", "--out", dir.resolve("sor.jsonl").toString(), "--log", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds no log");
        assertThat(dir.resolve("sor.jsonl")).doesNotExist();
    }

    private static Run run(String... args) {
        return Run.of(decided.environment(), commandLine -> { }, decided.arguments(args));
    }
}
