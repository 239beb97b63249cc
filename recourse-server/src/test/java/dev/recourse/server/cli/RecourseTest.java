package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class RecourseTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    /** A command that fails with the exception it is given, to see how failures are reported. */
    @Command(name = "fail")
    private static final class Fail implements Callable<Integer> {
        private final Exception failure;

        Fail(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static Run run(String... args) {
        return Run.of(args);
    }

    private static Run runFailing(Exception failure, Map<String, String> environment) {
        return Run.of(environment, commandLine -> commandLine.addSubcommand(new Fail(failure)), "fail");
    }

    @Test
    void unknownCommandIsAUsageErrorWithOneLineAndTheShortUsage() {
        Run run = run("xyzzy");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "recourse: unknown command 'xyzzy'",
                "Usage: recourse [-hV] [COMMAND]",
                "Try 'recourse --help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void misspelledCommandSuggestsTheNearestOne() {
        Run run = run("logs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse: unknown command 'logs' (did you mean log?)");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse: unknown option '--frobnicate'");
    }

    @Test
    void noCommandIsAUsageErrorNamingTheCommands() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse: missing command; one of: serve, log, verify, demo, bench, export, report, recall");
    }

    @Test
    void logWithoutItsCommandIsAUsageErrorOfLog() {
        Run run = run("log");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse log: missing command");
        assertThat(run.err()).contains("Usage: recourse log ", "Try 'recourse log --help'");
    }

    @Test
    void helpListsTheCommandsAndExitCodesOnStdout() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: recourse").contains("  log ", "Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        Run run = run("log", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: recourse log");
    }

    @Test
    void helpListsTheVerifyAndDemoCommandsAndTheLogsOwn() {
        assertThat(run("--help").out()).contains("  verify ", "  demo ");
        assertThat(run("log", "--help").out()).contains("  keygen ", "  prove ");
        for (String[] command : new String[][] {{"verify"}, {"demo"}, {"log", "keygen"}, {"log", "prove"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run run = run(args);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: recourse " + String.join(" ", command));
        }
    }

    @Test
    void versionNamesRecourseAndJava() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).startsWith("recourse ").contains("Java " + Runtime.version());
    }

    @Test
    void failureExitsOneWithOneLineAndNoStackTrace() {
        Run run = runFailing(new IllegalStateException("the disk is full\n  on /var"), NO_ENVIRONMENT);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("recourse: the disk is full on /var" + System.lineSeparator());
    }

    @Test
    void failureWithoutMessageNamesTheException() {
        Run run = runFailing(new IllegalStateException(), NO_ENVIRONMENT);

        assertThat(run.err()).isEqualTo("recourse: java.lang.IllegalStateException" + System.lineSeparator());
    }

    @Test
    void missingFileIsNamedAsSuch() {
        Run run = runFailing(new NoSuchFileException("/var/recourse/key"), NO_ENVIRONMENT);

        assertThat(run.firstErrLine()).isEqualTo("recourse: no such file: /var/recourse/key");
    }

    @Test
    void debugAddsTheStackTraceAfterTheLine() {
        Run run = runFailing(new IllegalStateException("boom"), Map.of("RECOURSE_DEBUG", "1"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.firstErrLine()).isEqualTo("recourse: boom");
        assertThat(run.err()).contains("java.lang.IllegalStateException: boom", "\tat ");
    }
}
