package dev.recourse.server.cli;

import dev.recourse.server.transparency.DailyDump;
import dev.recourse.store.database.Database;
import dev.recourse.store.dsa.DsaStatements;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recourse export dump}: the daily dump of the public records of one day, a gzipped CSV file ({@link DailyDump}). */
@Command(name = "dump", description = {
    "Write the public records of one day (UTC): every decision's statement of reasons as one row of a gzipped CSV file,"
            + " statements-of-reasons-DATE.csv.gz in --out DIR, with its index in the public log. No personal data.",
    "The file appears whole at the end or not at all. The last line on stdout sums up."
})
final class ExportDumpCommand implements Callable<Integer> {
    @Mixin
    StoreOptions stored;

    @Option(names = "--day", paramLabel = "DATE", required = true, description = "The day (YYYY-MM-DD, UTC) to dump.")
    LocalDate day;

    @Mixin
    OutputDirectory output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check(spec);
        InstantSource clock = InstantSource.system();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = stored.openExisting(((Recourse) spec.root().userObject()).environment())) {
            Path out = output.made();
            DsaStatements.Tally tally;
            try (LateProgress progress = new LateProgress("dumped", err, clock)) {
                tally = DailyDump.write(new DsaStatements(database.dataSource()), day, out, progress::total);
                progress.advanceTo(tally.statements() + tally.withoutStatement());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "dumped %,d statements of reasons of %s to %s (%,d decisions to take no action have none)%n",
                    tally.statements(), day, out.resolve(DailyDump.fileName(day)), tally.withoutStatement());
            stdout.flush();
        }
        return 0;
    }
}
