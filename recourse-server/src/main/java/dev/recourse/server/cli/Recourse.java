package dev.recourse.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code recourse} command line: the entry point of {@code recourse.jar}.
 *
 * <p>Exit codes: 0 when the command did its work, 1 when it failed (one line {@code recourse: <why>} on
 * stderr), 2 for a usage error (one line naming it, then the short usage, on stderr). {@link Failures}
 * is the one place that maps outcomes to these codes.
 *
 * <p>A new command is a class in this package annotated with {@link Command} and listed in
 * {@code subcommands} of its parent (this class, or {@link LogCommand}). It implements
 * {@code Callable<Integer>} returning {@link CommandLine.ExitCode#OK}, writes results to
 * {@code spec.commandLine().getOut()} and progress to {@code getErr()} through {@link Progress}, throws
 * {@link CommandLine.ParameterException} for a usage error the parser cannot see, and lets any other
 * exception escape for a failure: it is reported in one line, never swallowed.
 */
@Command(
        name = "recourse",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Recourse.Version.class,
        description = "Due process for content moderation: statements of reasons, appeals, reversals and a"
                + " verifiable public log.",
        subcommands = {ServeCommand.class, LogCommand.class, VerifyCommand.class, DemoCommand.class, BenchCommand.class,
            ExportCommand.class, ReportCommand.class, RecallCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (the reason is printed)", "2:usage error (unknown command or bad option)"})
public final class Recourse implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The process environment, as {@link #commandLine} was given it: commands read their RECOURSE_* settings here. */
    private Map<String, String> environment = Map.of();

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, System.out.charset());
        var err = new PrintWriter(System.err, true, System.err.charset());
        System.exit(commandLine(out, err, System.getenv()).execute(args));
    }

    /**
     * The configured command line, ready to {@link CommandLine#execute execute}.
     *
     * @param out where results and help go
     * @param err where progress, errors and usage errors go
     * @param environment the process environment; {@code RECOURSE_DEBUG=1} adds stack traces to failures
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        var failures = new Failures(err, environment);
        Recourse recourse = new Recourse();
        recourse.environment = Map.copyOf(environment);
        return new CommandLine(recourse)
                .setOut(out)
                .setErr(err)
                .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF))
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
    }

    @Override
    public Integer call() {
        throw Failures.missingCommand(spec);
    }

    /** The process environment the command line runs in. */
    Map<String, String> environment() {
        return environment;
    }

    /** The version of this build, from the jar's manifest, and of the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Objects.requireNonNullElse(
                    Recourse.class.getPackage().getImplementationVersion(), "(development build, not from the jar)");
            return new String[] {
                "recourse " + version,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
            };
        }
    }
}
