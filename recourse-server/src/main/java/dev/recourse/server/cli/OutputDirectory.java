package dev.recourse.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --out DIR} option of commands that write several files or one file of a name they choose. A mixin. */
final class OutputDirectory {
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory to write into; made if it does not exist (its parent must).")
    Path out;

    /** A usage error unless {@code --out} is a directory, or one can be made in its existing parent; makes nothing. */
    void check(CommandSpec spec) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out: " + out + " is a file; give a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(out) && (parent == null || !Files.isDirectory(parent))) {
            throw new ParameterException(spec.commandLine(), "--out: no such directory " + parent);
        }
    }

    /** The directory, made if it does not exist yet. */
    Path made() throws IOException {
        return Files.createDirectories(out);
    }
}
