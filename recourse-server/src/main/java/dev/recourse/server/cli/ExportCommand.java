package dev.recourse.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code recourse export}: the public records for outsiders; on its own, a usage error that names its commands. */
@Command(
        name = "export",
        description = "Export the public records: statements of reasons for the DSA Transparency Database, daily dumps.",
        subcommands = {ExportDsaCommand.class, ExportDumpCommand.class})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw Failures.missingCommand(spec);
    }
}
