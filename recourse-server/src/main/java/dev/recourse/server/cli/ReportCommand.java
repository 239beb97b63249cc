package dev.recourse.server.cli;

import dev.recourse.core.process.Settings;
import dev.recourse.server.transparency.Report;
import dev.recourse.store.database.Database;
import dev.recourse.store.projection.ReadModel;
import dev.recourse.store.projection.Rollup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse report}: the transparency report of a period (DSA Articles 15 and 24, the templates of Implementing
 * Regulation (EU) 2024/2835, the Santa Clara Principles' numbers) as CSV files and one HTML page, made from the
 * transparency rollups alone. See docs/reports.md.
 */
@Command(name = "report", description = {
    "Write the transparency report of --from to --to (days of UTC, both included) into --out DIR: one CSV file per table of"
            + " the DSA's harmonised templates (Implementing Regulation (EU) 2024/2835) and the Santa Clara Principles' numbers,"
            + " and index.html showing them all. Made from the transparency rollups, never from every decision.",
    "The last line on stdout sums up."
})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions stored;

    @Option(names = "--from", paramLabel = "DATE", required = true, description = "The first day (YYYY-MM-DD, UTC) of the period.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", required = true, description = "The last day (YYYY-MM-DD, UTC) of the period.")
    LocalDate to;

    @Mixin
    OutputDirectory output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        output.check(spec);
        InstantSource clock = InstantSource.system();
        Report report;
        try (Database database = stored.openExisting(((Recourse) spec.root().userObject()).environment())) {
            // Only the rollups are read; the appeal window does not enter them.
            List<Rollup> rollups = new ReadModel(database.dataSource(), clock, Settings.defaults("-", "-")).rollups(from, to);
            report = Report.of(from, to, rollups, clock.instant());
        }
        Path out = output.made();
        report.writeTo(out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote the transparency report of " + from + " to " + to + " into " + out + ": " + report.tables().size()
                + " CSV tables and " + Report.PAGE);
        stdout.flush();
        return 0;
    }
}
