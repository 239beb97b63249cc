package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.transparency.DecidedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest extends AgainstDecidedStore {
    @TempDir
    Path dir;

    @BeforeAll
    static void reverseOneOnAppeal() {
        decided.removalReversedOnAppeal();
    }

    private Run report(Path out) {
        return run("report", "--from", DecidedStore.FIRST.toString(), "--to", DecidedStore.FIRST.plusDays(2).toString(),
                "--out", out.toString());
    }

    @Test
    void writesOneCsvFilePerTableOfTheTemplateAndThePage() throws IOException {
        Path out = dir.resolve("report");

        Run run = report(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("1.1-report-identification.csv",
                    "1.2.1-member-state-orders-to-act-against-illegal-content.csv", "1.3-article-16-notices.csv",
                    "1.4-own-initiative-content-moderation.csv", "1.5.1-internal-complaints.csv", "1.6-automated-means.csv",
                    "santa-clara-numbers.csv", "index.html");
        }
        assertThat(run.out()).isEqualTo("wrote the transparency report of 2026-03-02 to 2026-03-04 into " + out
                + ": 7 CSV tables and index.html\n");
    }

    @Test
    void theNoticesTableCountsDecisionsByNotifierAndCategory() throws IOException {
        Path out = dir.resolve("report");

        report(out);

        assertThat(Files.readAllLines(out.resolve("1.3-article-16-notices.csv"))).containsExactly(
                "notifier,type_of_alleged_illegal_content,decisions,illegal_content_ground,terms_and_conditions_ground,"
                        + "visibility_restrictions,monetary_restrictions,service_restrictions,account_restrictions,automated_decisions,"
                        + "median_time_to_decide_under",
                "trusted flagger,STATEMENT_CATEGORY_SCAMS_AND_FRAUD,1,0,1,0,0,0,1,0,PT1M",
                "other notifier,STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,4,4,0,4,0,0,0,0,PT1M");
    }

    @Test
    void theComplaintsTableCountsTheAppealAndTheReinstatement() throws IOException {
        Path out = dir.resolve("report");

        report(out);

        assertThat(Files.readAllLines(out.resolve("1.5.1-internal-complaints.csv"))).containsExactly(
                "basis_of_complaint,complaints_received,complaints_decided,decisions_upheld,decisions_reversed,decisions_modified,"
                        + "reinstatements",
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,1,1,0,1,0,1",
                "all,1,1,0,1,0,1");
        assertThat(Files.readAllLines(out.resolve("1.6-automated-means.csv"))).contains(
                "AUTOMATED_DECISION_NOT_AUTOMATED,6,1,1,0,1.0000");
    }

    @Test
    void thePageShowsEveryTableUnderTheTemplatesSectionTitle() throws IOException {
        Path out = dir.resolve("report");

        report(out);

        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("<title>Transparency report 2026-03-02 to 2026-03-04</title>",
                "<h2>1.3. Article 15(1)(b). Notices submitted in accordance with article 16 of Regulation (EU) 2022/2065</h2>",
                "<h2>Santa Clara Principles 2.0: Numbers</h2>", "href=\"1.5.1-internal-complaints.csv\"");
        for (String personal : DecidedStore.PERSONAL) {
            assertThat(page).doesNotContain(personal);
        }
    }

    @Test
    void toBeforeFromIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("report");

        Run run = run("report", "--from", "2026-03-04", "--to", "2026-03-02", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse report: --to 2026-03-02 is before --from 2026-03-04");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        Run run = run("report", "--from", "2026-03-02", "--to", "2026-03-02", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse report: --out: " + file + " is a file; give a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aMissingPeriodIsAUsageError() {
        Run run = run("report", "--out", dir.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse report: Missing required options");
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
