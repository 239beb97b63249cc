package dev.recourse.server.cli;

import dev.recourse.server.transparency.AtomicFile;
import dev.recourse.server.transparency.StatementLines;
import dev.recourse.store.database.Database;
import dev.recourse.store.dsa.DsaStatements;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recourse export dsa}: every decision's statement of reasons in the DSA Transparency Database's schema v2, as
 * JSON lines, read from the decisions' public log entries (no personal data) in time order with one cursor, written
 * to a temporary file renamed into place at the end. See docs/dsa-export.md.
 */
@Command(name = "dsa", description = {
    "Write the statement of reasons of every decision (of --from to --to, days of UTC, both included) as JSON lines in"
            + " the DSA Transparency Database's schema v2: one statement a line, puid = the decision's id, no personal data.",
    "The file appears whole at the end or not at all. The last line on stdout sums up."
})
final class ExportDsaCommand implements Callable<Integer> {
    @Mixin
    StoredData stored;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The JSON lines file to write (replaced if it exists).")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", description = "The first day (YYYY-MM-DD, UTC) whose decisions to export.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "The last day (YYYY-MM-DD, UTC) whose decisions to export.")
    LocalDate to;

    @ParentCommand
    ExportCommand export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DsaStatements.Period period = period(spec, from, to);
        Path directory = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "--out: no such directory " + directory);
        }
        if (Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out: " + out + " is a directory; give a file");
        }
        InstantSource clock = InstantSource.system();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = stored.open(recourse().environment())) {
            DsaStatements statements = new DsaStatements(database.dataSource());
            long start = System.nanoTime();
            DsaStatements.Tally tally;
            StatementLines lines;
            Progress[] progress = new Progress[1];
            try (AtomicFile file = AtomicFile.create(out)) {
                lines = new StatementLines(file.stream(), done -> progress[0].advanceTo(done));
                try {
                    tally = statements.read(period,
                            total -> progress[0] = Progress.of("exported", total, err, Progress.Style.forStderr(), clock), lines);
                    progress[0].advanceTo(tally.statements() + tally.withoutStatement());
                } finally {
                    if (progress[0] != null) {
                        progress[0].close();
                    }
                }
                file.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "exported %,d statements of reasons (%s) to %s: %,d bytes in %.1f s (%,.0f/s); %,d decisions"
                            + " to take no action have none%n",
                    tally.statements(), describe(period), out, lines.bytes(), seconds, tally.statements() / Math.max(seconds, 1e-9),
                    tally.withoutStatement());
            stdout.flush();
        }
        return 0;
    }

    private Recourse recourse() {
        return (Recourse) spec.root().userObject();
    }

    /** The period of {@code --from} and {@code --to}, or a usage error if they are the wrong way round. */
    static DsaStatements.Period period(CommandSpec spec, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        return new DsaStatements.Period(Optional.ofNullable(from), Optional.ofNullable(to));
    }

    static String describe(DsaStatements.Period period) {
        if (period.from().isEmpty() && period.to().isEmpty()) {
            return "every day";
        }
        return period.from().map(d -> "from " + d).orElse("until") + period.to().map(d -> (period.from().isPresent() ? " to " : " ") + d).orElse(" on");
    }
}
