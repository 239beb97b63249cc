package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.transparency.DailyDump;
import dev.recourse.server.transparency.DecidedStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDumpCommandTest extends AgainstDecidedStore {
    @TempDir
    Path dir;

    private static List<String> lines(Path gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void theDumpOfADayIsAGzippedCsvOfItsStatementsUnderTheSchemasFieldNames() throws IOException {
        Run run = run("export", "dump", "--day", DecidedStore.FIRST.toString(), "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = lines(dir.resolve("statements-of-reasons-2026-03-02.csv.gz"));
        assertThat(lines.getFirst()).isEqualTo(String.join(",", DailyDump.columns()))
                .startsWith("log_index,decision_visibility,decision_visibility_other,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",\"[\"\"DECISION_VISIBILITY_CONTENT_REMOVED\"\"]\",")
                .contains(",DECISION_GROUND_ILLEGAL_CONTENT,").contains(",2026-03-02,");
        assertThat(run.out()).isEqualTo("dumped 3 statements of reasons of 2026-03-02 to "
                + dir.resolve("statements-of-reasons-2026-03-02.csv.gz") + " (0 decisions to take no action have none)\n");
    }

    @Test
    void aDumpHoldsNoPersonalData() throws IOException {
        run("export", "dump", "--day", DecidedStore.FIRST.plusDays(2).toString(), "--out", dir.toString());

        String all = String.join("\n", lines(dir.resolve("statements-of-reasons-2026-03-04.csv.gz")));
        assertThat(all).isNotEmpty();
        for (String personal : DecidedStore.PERSONAL) {
            assertThat(all).doesNotContain(personal);
        }
    }

    @Test
    void aDayWithoutDecisionsIsADumpWithItsHeaderOnly() throws IOException {
        Run run = run("export", "dump", "--day", "2026-01-01", "--out", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(lines(dir.resolve("statements-of-reasons-2026-01-01.csv.gz"))).hasSize(1);
    }

    @Test
    void aMissingDayIsAUsageErrorAndWritesNothing() {
        Run run = run("export", "dump", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse export dump: Missing required option: '--day=DATE'");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
