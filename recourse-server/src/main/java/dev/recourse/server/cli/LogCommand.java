package dev.recourse.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recourse log}: the transparency log on its own, without the rest of Recourse.
 *
 * <p>Its commands ({@code keygen}, {@code bench}, {@code prove}) are classes in this package listed in
 * {@code subcommands} below; see {@link Recourse} for how a command is written. On its own,
 * {@code recourse log} is a usage error that names the missing command.
 */
@Command(
        name = "log",
        description = "Work with a transparency log on its own: keys, benchmarks, proofs.",
        subcommands = {
            LogKeygenCommand.class,
            LogBenchCommand.class,
            LogProveCommand.class,
        })
final class LogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw Failures.missingCommand(spec);
    }
}
