package dev.recourse.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * What one in-process run of the {@code recourse} command line left behind.
 *
 * @param exitCode the exit code
 * @param out what it wrote on stdout
 * @param err what it wrote on stderr
 */
record Run(int exitCode, String out, String err) {
    /** Runs {@code recourse args...} with an empty environment. */
    static Run of(String... args) {
        return of(Map.of(), commandLine -> { }, args);
    }

    /** Runs {@code recourse args...} with {@code environment}, after {@code setUp} adjusted the command line. */
    static Run of(Map<String, String> environment, Consumer<CommandLine> setUp, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine commandLine = Recourse.commandLine(new PrintWriter(out), new PrintWriter(err), environment);
        setUp.accept(commandLine);
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The first line on stderr, or nothing. */
    String firstErrLine() {
        return err.lines().findFirst().orElse("");
    }

    /** The lines on stderr. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
