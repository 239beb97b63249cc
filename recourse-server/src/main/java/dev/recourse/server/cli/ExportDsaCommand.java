package dev.recourse.server.cli;

import dev.recourse.server.transparency.AtomicFile;
import dev.recourse.store.database.Database;
import dev.recourse.server.transparency.Submitter;
import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.DsaSubmissions;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
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
    "The file appears whole at the end or not at all. With --submit, the statements the database has not accepted yet"
            + " are sent to its API in batches of 100 and each uuid is recorded. The last line on stdout sums up."
})
final class ExportDsaCommand implements Callable<Integer> {
    @Mixin
    StoreOptions stored;

    @Option(names = "--out", paramLabel = "FILE", description = "The JSON lines file to write (replaced if it exists).")
    Path out;

    @Option(names = "--submit", paramLabel = "URL",
            description = "Send the statements the Transparency Database has not accepted yet to its API at URL"
                    + " (e.g. https://transparency.dsa.ec.europa.eu), recording each uuid.")
    URI submit;

    @Option(names = "--token-file", paramLabel = "FILE", description = "The file holding the API token, for --submit.")
    Path tokenFile;

    @Option(names = "--parts", paramLabel = "N", defaultValue = "2",
            description = "Read the period in N parts at once, over N connections to the database (1 to 8, default ${DEFAULT-VALUE}).")
    int parts;

    @Option(names = "--log", paramLabel = "DIR",
            description = "Read the public entries from the log's entry bundles in DIR, one after the other, and only the"
                    + " decisions' positions (and the entries no full bundle holds yet) from the database"
                    + " (default: the log in --data, if it has a checkpoint).")
    Path log;

    @Option(names = "--database-only", description = "Read every public entry from the database, none from the log"
            + " (slower: one scattered row a decision; the file is the same).")
    boolean databaseOnly;

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
        if (parts < 1 || parts > 8) {
            throw new ParameterException(spec.commandLine(), "--parts must be 1 to 8, not " + parts);
        }
        if (out == null && submit == null) {
            throw new ParameterException(spec.commandLine(), "give --out FILE, --submit URL, or both");
        }
        if (out != null) {
            checkWritable(spec, "--out", out);
        }
        if (log != null && databaseOnly) {
            throw new ParameterException(spec.commandLine(), "give --log DIR or --database-only, not both");
        }
        if (log != null && !Files.isRegularFile(log.resolve("checkpoint"))) {
            throw new ParameterException(spec.commandLine(), "--log: " + log + " holds no log (no checkpoint file)");
        }
        Optional<String> token = Optional.empty();
        if (submit != null) {
            if (!("https".equals(submit.getScheme()) || "http".equals(submit.getScheme())) || submit.getHost() == null) {
                throw new ParameterException(spec.commandLine(), "--submit is an http or https URL, not " + submit);
            }
            if (tokenFile == null) {
                throw new ParameterException(spec.commandLine(), "--submit needs --token-file FILE");
            }
            token = Optional.of(Files.readString(tokenFile).strip());
            if (token.get().isEmpty() || token.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new Failures.Failed(tokenFile + " does not hold a token (one line of printable characters)");
            }
        } else if (tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "--token-file is for --submit");
        }
        ServerSettings settings = stored.existing(recourse().environment());
        try (Database database = Database.start(settings.store().database())) {
            if (out != null) {
                write(database, period, settings.dataDirectory());
            }
            if (submit != null) {
                submit(database, period, token.orElseThrow());
            }
        }
        return 0;
    }

    private void write(Database database, DsaStatements.Period period, Path data) throws java.io.IOException {
        InstantSource clock = InstantSource.system();
        PrintWriter err = spec.commandLine().getErr();
        DsaStatements statements = new DsaStatements(database.dataSource(), entries(data));
        long start = System.nanoTime();
        DsaStatements.Tally tally;
        long bytes;
        try (AtomicFile file = AtomicFile.create(out); LateProgress progress = new LateProgress("exported", err, clock);
             StatementParts lines = new StatementParts(out.toAbsolutePath().getParent(), file.stream(), parts, progress::advance)) {
            tally = statements.read(period, progress::total, lines.sinks());
            progress.advanceTo(tally.statements() + tally.withoutStatement());
            bytes = lines.join();
            file.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "exported %,d statements of reasons (%s) to %s: %,d bytes in %.1f s (%,.0f/s); %,d decisions"
                        + " to take no action have none%n",
                tally.statements(), describe(period), out, bytes, seconds, tally.statements() / Math.max(seconds, 1e-9),
                tally.withoutStatement());
        stdout.flush();
    }

    private void submit(Database database, DsaStatements.Period period, String token) throws Exception {
        InstantSource clock = InstantSource.system();
        DsaSubmissions submissions = new DsaSubmissions(database.dataSource(), clock);
        Submitter submitter = new Submitter(submit, token, new DsaStatements(database.dataSource()), submissions,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(), Submitter.Policy.DEFAULT, Thread::sleep);
        long start = System.nanoTime();
        Submitter.Outcome outcome;
        try (Progress progress = Progress.unbounded("answered", spec.commandLine().getErr(), Progress.Style.forStderr(), clock)) {
            outcome = submitter.submit(period, progress::advanceTo);
        } catch (Submitter.Failed e) {
            throw new Failures.Failed(e.getMessage() + "; what was accepted before is recorded", e);
        }
        DsaSubmissions.Counts all = submissions.counts();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "submitted to %s (%s): %,d accepted, %,d refused (their errors recorded) in %,d requests and %.1f s;"
                        + " the database holds %,d of our statements%n",
                submit, describe(period), outcome.accepted(), outcome.refused(), outcome.requests(), (System.nanoTime() - start) / 1e9,
                all.accepted());
        stdout.flush();
    }

    /** Where the public entries come from: the log given, the log in --data if it has one, or only the database. */
    private Optional<Path> entries(Path data) {
        if (databaseOnly) {
            return Optional.empty();
        }
        Path dir = log != null ? log : data.resolve("log");
        return Files.isRegularFile(dir.resolve("checkpoint")) ? Optional.of(dir) : Optional.empty();
    }

    /** A usage error unless {@code file} can be written: its directory exists and it is not a directory. */
    static void checkWritable(CommandSpec spec, String option, Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), option + ": no such directory " + directory);
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + ": " + file + " is a directory; give a file");
        }
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
