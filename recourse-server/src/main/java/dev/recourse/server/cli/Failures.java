package dev.recourse.server.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a run that goes wrong is reported and which exit code it gets: the one place for this mapping.
 *
 * <ul>
 *   <li>A usage error (unknown command or option, bad or missing value) prints one line naming it, the
 *       short usage of the command concerned and where to find more, and exits 2.
 *   <li>An exception from a command's work prints one line {@code recourse: <message>} and exits 1.
 *   <li>A {@link Failed} (work that found something wrong and says what) prints one such line per reason
 *       and exits 1.
 * </ul>
 *
 * <p>Stack traces are for developers: they follow the line only when {@code RECOURSE_DEBUG=1}.
 */
final class Failures implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;
    private final boolean debug;

    /** Reports on {@code err}, with stack traces when {@code environment} has {@code RECOURSE_DEBUG=1}. */
    Failures(PrintWriter err, Map<String, String> environment) {
        this.err = err;
        this.debug = "1".equals(environment.get("RECOURSE_DEBUG"));
    }

    /** The usage error of running {@code spec}'s command, which only groups others, without one of them. */
    static ParameterException missingCommand(CommandSpec spec) {
        var commands = spec.subcommands().keySet();
        String choice = commands.isEmpty() ? "" : "; one of: " + String.join(", ", commands);
        return new ParameterException(spec.commandLine(), "missing command" + choice);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        CommandLine.Help help = command.getHelp();
        err.println(name + ": " + describe(ex));
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("Try '" + name + " --help' for more information.");
        traceIfDebugging(ex);
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        List<String> reasons = ex instanceof Failed failed ? failed.reasons() : List.of(describe(ex));
        reasons.forEach(reason -> err.println("recourse: " + oneLine(reason)));
        traceIfDebugging(ex);
        return ExitCode.SOFTWARE;
    }

    /**
     * A command's work failed for reasons it states itself, in words a user understands without a stack
     * trace: a check that does not hold, a file that is not what it must be. Each reason is one line.
     */
    static final class Failed extends RuntimeException {
        private final List<String> reasons;

        /** Fails for one reason. */
        Failed(String reason) {
            this(List.of(reason));
        }

        /** Fails for one reason, which {@code cause} explains further (shown with {@code RECOURSE_DEBUG=1}). */
        Failed(String reason, Throwable cause) {
            super(reason, cause);
            this.reasons = List.of(reason);
        }

        /** Fails for each of {@code reasons}, at least one. */
        Failed(List<String> reasons) {
            super(String.join("; ", reasons));
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a failure needs a reason");
            }
            this.reasons = List.copyOf(reasons);
        }

        List<String> reasons() {
            return reasons;
        }
    }

    private static String describe(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return oneLine(ex.getMessage());
        }
        String argument = unmatched.getUnmatched().getFirst();
        boolean groupsCommands = !ex.getCommandLine().getSubcommands().isEmpty();
        String what = unmatched.isUnknownOption() ? "unknown option" : groupsCommands ? "unknown command" : "unexpected argument";
        var suggestions = unmatched.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
        return what + " '" + argument + "'" + hint;
    }

    private static String describe(Exception ex) {
        Throwable reason = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
        return switch (reason) {
            case NoSuchFileException e -> "no such file: " + e.getFile();
            case AccessDeniedException e -> "permission denied: " + e.getFile();
            case FileAlreadyExistsException e -> "already exists: " + e.getFile();
            default -> reason.getMessage() == null || reason.getMessage().isBlank()
                    ? reason.getClass().getName()
                    : oneLine(reason.getMessage());
        };
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void traceIfDebugging(Exception ex) {
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
