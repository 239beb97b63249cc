package dev.recourse.server.cli;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.safeguard.RecallTarget;
import dev.recourse.store.safeguard.Recalls;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recourse recall}: undoes what one rule version did, on the store of {@code --data} or {@code --database-url}.
 * Every restriction of its decisions in the time given that still stands is lifted exactly once: run again, or after
 * an interruption, it takes up the unfinished recall and lifts only what still stands. {@code --dry-run} lists what
 * would be lifted and changes nothing.
 */
@Command(name = "recall",
        description = "Recall what one rule version did: lift every restriction of its decisions (from --from, before --to)"
                + " that still stands, exactly once, and tell each affected person why, with an apology; the subjects are"
                + " kept from that rule version. --dry-run lists what would be lifted and changes nothing. While"
                + " `recourse serve` runs on the same embedded database, use POST /v1/recalls instead.")
final class RecallCommand implements Callable<Integer> {
    /** What each affected person is told when {@code --apology} is not given. */
    static final String APOLOGY = "We are sorry. An automated rule restricted this by mistake; the restriction is lifted,"
            + " and that rule will not act on it again.";

    @Option(names = "--rule", required = true, paramLabel = "ID@VERSION", description = "The rule version to recall.")
    String rule;

    @Option(names = "--from", paramLabel = "T", description = "Recall its decisions from this instant on (ISO-8601, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Recall its decisions before this instant (ISO-8601, UTC).")
    String to;

    @Option(names = "--dry-run", description = "Only list what would be lifted; change nothing.")
    boolean dryRun;

    @Option(names = "--reasons", paramLabel = "TEXT", description = "Why, as each affected person is told (required unless --dry-run).")
    String reasons;

    @Option(names = "--apology", paramLabel = "TEXT", description = "The apology each affected person is given (default: a"
            + " plain apology for an automated mistake).")
    String apology;

    @Option(names = "--by", paramLabel = "PSEUDONYM", description = "Who recalls, as a senior moderator's pseudonym (required"
            + " unless --dry-run).")
    String by;

    @Mixin
    StoreOptions storeOptions;

    @ParentCommand
    Recourse recourse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Versioned version = parse(() -> Versioned.parse(rule), "--rule");
        Optional<Instant> fromTime = time(from, "--from");
        Optional<Instant> toTime = time(to, "--to");
        if (fromTime.isPresent() && toTime.isPresent() && !fromTime.get().isBefore(toTime.get())) {
            throw new ParameterException(spec.commandLine(), "--to must be after --from, not " + to);
        }
        Optional<Recalls.Request> request = Optional.empty();
        if (!dryRun) {
            if (reasons == null || reasons.isBlank() || by == null) {
                throw new ParameterException(spec.commandLine(), "a recall needs --reasons and --by (or --dry-run)");
            }
            if (reasons.length() > dev.recourse.core.command.Command.StartRecall.MAX_REASONS) {
                throw new ParameterException(spec.commandLine(), "--reasons has at most " + dev.recourse.core.command.Command.StartRecall.MAX_REASONS + " characters");
            }
            if (apology != null && (apology.isBlank() || apology.length() > dev.recourse.core.command.Command.StartRecall.MAX_APOLOGY)) {
                throw new ParameterException(spec.commandLine(), "--apology has 1 to " + dev.recourse.core.command.Command.StartRecall.MAX_APOLOGY + " characters");
            }
            Person person = new Person(parse(() -> new Pseudonym(by), "--by"), Role.SENIOR_MODERATOR);
            request = Optional.of(new Recalls.Request(version, fromTime, toTime, person, reasons, apology == null ? APOLOGY : apology));
        }
        ServerSettings settings = storeOptions.existing(recourse.environment());
        InstantSource clock = InstantSource.system();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RecourseStore opened = RecourseStore.open(settings.store(), settings.breakers(), clock, new SecureRandom())) {
            if (request.isEmpty()) {
                List<RecallTarget> targets = opened.recalls().dryRun(version, fromTime, toTime);
                for (RecallTarget t : targets) {
                    out.println(t.subject() + "  restriction " + t.restriction() + "  decision " + t.decision() + " of " + t.decidedAt()
                            + "  " + t.measure());
                }
                out.println("dry run: a recall of " + version + " would lift " + targets.size() + " restrictions on "
                        + targets.stream().map(RecallTarget::subject).distinct().count() + " subjects; nothing changed");
                return 0;
            }
            Progress[] progress = new Progress[1];
            Recalls.Outcome outcome;
            try {
                outcome = opened.recalls().run(request.get(), (done, total, lifted) -> {
                    if (progress[0] == null) {
                        progress[0] = Progress.of("recalled", total, err, Progress.Style.forStderr(), clock);
                    }
                    progress[0].advanceTo(done);
                });
            } finally {
                if (progress[0] != null) {
                    progress[0].close();
                }
            }
            switch (outcome) {
                case Recalls.Outcome.NothingStands ignored ->
                        out.println("nothing of " + version + " stands in that time; nothing to recall");
                case Recalls.Outcome.Refused refused -> throw new Failures.Failed(refused.errors().stream().map(Object::toString).toList());
                case Recalls.Outcome.Completed done -> out.println("recall " + done.recall() + " of " + version + ": lifted "
                        + done.lifted() + " restrictions on " + done.subjects() + " subjects"
                        + (done.resumed() ? " (took up the unfinished recall)" : "") + "; each owner is told, with the apology");
                case Recalls.Outcome.Elsewhere elsewhere -> throw new Failures.Failed("recall " + elsewhere.recall() + " of " + version
                        + " is being carried out by another process (a node of the service?); it completes there, see GET /v1/recalls/"
                        + elsewhere.recall());
            }
        }
        return 0;
    }

    private Optional<Instant> time(String text, String option) {
        return text == null ? Optional.empty() : Optional.of(parse(() -> Instant.parse(text), option));
    }

    private <T> T parse(java.util.function.Supplier<T> parse, String option) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
