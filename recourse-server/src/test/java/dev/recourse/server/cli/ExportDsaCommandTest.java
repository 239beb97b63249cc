package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.transparency.DecidedStore;
import dev.recourse.server.transparency.FakeTransparencyDatabase;
import dev.recourse.server.transparency.ReferenceSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDsaCommandTest extends AgainstDecidedStore {
    @TempDir
    Path dir;

    @Test
    void everyLineIsAStatementTheReferenceSchemaAccepts() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        Run run = run("export", "dsa", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        ReferenceSchema schema = ReferenceSchema.load();
        for (String line : lines) {
            assertThat(schema.problems(line)).as(line).isEmpty();
        }
    }

    @Test
    void theReferenceCheckRefusesWhatTheDatabaseWould() {
        ReferenceSchema schema = ReferenceSchema.load();
        String good = "{\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"],\"decision_ground\":\"DECISION_GROUND_ILLEGAL_CONTENT\","
                + "\"illegal_content_legal_ground\":\"x\",\"illegal_content_explanation\":\"y\",\"content_type\":[\"CONTENT_TYPE_TEXT\"],"
                + "\"category\":\"STATEMENT_CATEGORY_SCAMS_AND_FRAUD\",\"content_date\":\"2025-01-01\",\"application_date\":\"2026-01-01\","
                + "\"decision_facts\":\"f\",\"source_type\":\"SOURCE_VOLUNTARY\",\"automated_detection\":\"No\","
                + "\"automated_decision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\",\"puid\":\"a-1\"}";

        assertThat(schema.problems(good)).isEmpty();
        assertThat(schema.problems(good.replace("\"a-1\"", "\"a 1\""))).anyMatch(p -> p.startsWith("puid"));
        assertThat(schema.problems(good.replace("CONTENT_TYPE_TEXT", "CONTENT_TYPE_POEM"))).anyMatch(p -> p.startsWith("content_type"));
        assertThat(schema.problems(good.replace(",\"illegal_content_explanation\":\"y\"", ""))).contains("illegal_content_explanation: required");
        assertThat(schema.problems(good.replace("2026-01-01", "2019-12-31"))).anyMatch(p -> p.startsWith("application_date"));
        assertThat(schema.problems(good.replace("\"puid\"", "\"name\""))).contains("puid: required", "name: not a field of the schema");
        assertThat(schema.problems(good.replace("\"decision_facts\":\"f\"", "\"decision_facts\":\"" + "f".repeat(5001) + "\"")))
                .anyMatch(p -> p.startsWith("decision_facts"));
    }

    @Test
    void noLineHoldsPersonalData() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        run("export", "dsa", "--out", out.toString());

        String all = Files.readString(out);
        for (String personal : DecidedStore.PERSONAL) {
            assertThat(all).doesNotContain(personal);
        }
    }

    @Test
    void eachPuidIsADecisionIdAndUnique() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        run("export", "dsa", "--out", out.toString());

        List<String> puids = Files.readAllLines(out).stream()
                .map(line -> line.replaceAll(".*\"puid\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(puids).doesNotHaveDuplicates().allMatch(p -> p.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void fromAndToKeepTheDecisionsOfThoseDaysAndTheLastLineSumsUp() throws IOException {
        Path out = dir.resolve("day.jsonl");

        Run run = run("export", "dsa", "--out", out.toString(), "--from", DecidedStore.FIRST.plusDays(1).toString(),
                "--to", DecidedStore.FIRST.plusDays(2).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1).allMatch(line -> line.contains("\"application_date\":\"2026-03-04\""));
        String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("exported 1 statements of reasons (from 2026-03-03 to 2026-03-04) to " + out)
                .contains("1 decisions to take no action have none");
        assertThat(run.err()).contains("exported 2 / 2 (100%)");
    }

    @Test
    void theFileAppearsOnlyWhenWholeAndNoTemporaryFileStays() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        run("export", "dsa", "--out", out.toString());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void toBeforeFromIsAUsageErrorAndWritesNothing() throws IOException {
        Path out = dir.resolve("sor.jsonl");

        Run run = run("export", "dsa", "--out", out.toString(), "--from", "2026-03-04", "--to", "2026-03-02");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse export dsa: --to 2026-03-02 is before --from 2026-03-04");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDateThatIsNoDateIsAUsageError() {
        Run run = run("export", "dsa", "--out", dir.resolve("x").toString(), "--from", "2026-02-30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).contains("--from").contains("2026-02-30");
    }

    @Test
    void theDataDirectoryComesFromTheEnvironmentAsForServe() {
        Path out = dir.resolve("sor.jsonl");

        Run run = Run.of(Map.of("RECOURSE_DATA", dir.resolve("elsewhere").toString()), c -> {},
                "export", "dsa", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no Recourse data in " + dir.resolve("elsewhere")
                + " (no database there); give --data DIR or --database-url URL");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDirectoryWithoutDataIsOneLineAndWritesNothing() {
        Path out = dir.resolve("sor.jsonl");

        Run run = Run.of("export", "dsa", "--data", dir.resolve("nothing").toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no Recourse data in " + dir.resolve("nothing")
                + " (no database there); give --data DIR or --database-url URL");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void anOutputInADirectoryThatDoesNotExistIsAUsageError() {
        Run run = run("export", "dsa", "--out", dir.resolve("no/such/dir/sor.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse export dsa: --out: no such directory");
    }

    @Test
    void submitSendsWhatTheDatabaseHasNotAcceptedAndASecondRunSendsNothing() throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "X|cli-token\n");
        try (FakeTransparencyDatabase database = new FakeTransparencyDatabase("X|cli-token")) {
            Run first = run("export", "dsa", "--submit", database.url().toString(), "--token-file", token.toString());
            Run second = run("export", "dsa", "--submit", database.url().toString(), "--token-file", token.toString());

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("submitted to " + database.url() + " (every day): 4 accepted, 0 refused (their errors"
                    + " recorded) in 1 requests").endsWith("the database holds 4 of our statements\n");
            assertThat(second.out()).contains(": 0 accepted, 0 refused").endsWith("the database holds 4 of our statements\n");
            assertThat(database.batchSizes()).containsExactly(4);
        }
    }

    @Test
    void submitWithoutATokenFileIsAUsageError() {
        Run run = run("export", "dsa", "--submit", "https://transparency.example.eu");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse export dsa: --submit needs --token-file FILE");
    }

    @Test
    void neitherOutNorSubmitIsAUsageError() {
        Run run = run("export", "dsa");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse export dsa: give --out FILE, --submit URL, or both");
    }

    @Test
    void readingInPartsWritesTheSameFileInTheSameOrder() throws IOException {
        Path one = dir.resolve("one.jsonl");
        Path three = dir.resolve("three.jsonl");

        run("export", "dsa", "--out", one.toString(), "--parts", "1");
        Run run = run("export", "dsa", "--out", three.toString(), "--parts", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(three)).hasSize(4).isEqualTo(Files.readAllLines(one));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no part is left behind").containsExactlyInAnyOrder(one, three);
        }
    }

    @Test
    void moreThanEightPartsIsAUsageError() {
        Run run = run("export", "dsa", "--out", dir.resolve("x").toString(), "--parts", "9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse export dsa: --parts must be 1 to 8, not 9");
    }
}
