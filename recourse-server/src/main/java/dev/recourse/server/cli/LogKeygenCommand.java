package dev.recourse.server.cli;

import dev.recourse.tlog.note.Ed25519NoteSigner;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse log keygen --name ORIGIN --out FILE}: makes a new Ed25519 signing key for a log, writes
 * it to a new file readable by its owner only, and prints the verifier key, which is public.
 */
@Command(
        name = "keygen",
        description = {
            "Make a signing key for a log named ORIGIN: the secret key goes to FILE, a new file readable by you only;"
                    + " the verifier key, which is public, is printed."
        })
final class LogKeygenCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, paramLabel = "ORIGIN",
            description = "The log's origin, which names its key, e.g. example.com/log: no spaces, no '+'.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the secret signing key; the file must not exist yet.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<String> invalid = Ed25519NoteSigner.invalidName(name);
        if (invalid.isPresent()) {
            throw new ParameterException(spec.commandLine(),
                    "--name \"" + name + "\" cannot name a log: " + invalid.get());
        }
        // The command line is the edge of the program: the one place a random source is chosen.
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate(name, new SecureRandom());
        KeyFile.create(out, signer);
        spec.commandLine().getOut().println(signer.verifierKey());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
