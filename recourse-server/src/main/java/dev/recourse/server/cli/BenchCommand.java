package dev.recourse.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recourse bench}: measurements of the whole service on this machine. Its commands are classes in this
 * package listed in {@code subcommands} below; on its own it is a usage error that names them. (The log alone is
 * measured by {@code recourse log bench}.)
 */
@Command(
        name = "bench",
        description = "Measure Recourse on this machine: the real core, store and log on an embedded database.",
        subcommands = {BenchDecisionsCommand.class, BenchRulesCommand.class, BenchPortalCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw Failures.missingCommand(spec);
    }
}
