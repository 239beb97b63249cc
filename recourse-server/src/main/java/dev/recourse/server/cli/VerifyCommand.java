package dev.recourse.server.cli;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.HttpTiles;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse verify --log DIR|URL --key VKEY [--receipt FILE]... [--old CHECKPOINT_FILE]...}: checks a
 * log from the outside, trusting nothing but its verifier key (see {@link LogVerification}).
 */
@Command(
        name = "verify",
        description = {
            "Verify a log from the outside, trusting nothing but its key: the signed checkpoint, every tile recomputed"
                    + " from the entries, each receipt against the log, each older checkpoint for consistency.",
            "Prints one line when everything holds; otherwise one line per failure, naming the file or tile, and exits 1."
        })
final class VerifyCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--log", required = true, paramLabel = "DIR|URL",
            description = "The log: a directory, or the http:// or https:// URL it is served under.")
    String log;

    @Option(names = "--key", required = true, paramLabel = "VKEY",
            description = "The log's verifier key, e.g. example.com/log+1a2b3c4d+AQ...")
    String key;

    @Option(names = "--witness", paramLabel = "VKEY",
            description = "A witness's cosignature verifier key (c2sp.org/tlog-cosignature); repeatable.")
    List<String> witnessKeys = new ArrayList<>();

    @Option(names = "--witnesses", paramLabel = "K",
            description = "How many of the --witness keys must have cosigned the checkpoint (default: all of them).")
    Integer witnessThreshold;

    @Option(names = "--receipt", paramLabel = "FILE", description = "A receipt (c2sp.org/tlog-proof@v1) to check; repeatable.")
    List<Path> receipts = new ArrayList<>();

    @Option(names = "--old", paramLabel = "CHECKPOINT_FILE",
            description = "A signed checkpoint saved earlier, which the current one must be consistent with; repeatable.")
    List<Path> older = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NoteVerifier verifier = switch (VerifierKeys.parse(key)) {
            case Parsed.Malformed<NoteVerifier> m -> throw new ParameterException(spec.commandLine(),
                    "--key is not a verifier key: " + m.reason());
            case Parsed.Ok<NoteVerifier>(NoteVerifier ok) -> ok;
        };
        Optional<WitnessPolicy> witnesses = witnessPolicy();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The command line is the edge of the program: the one place the system clock is read.
        InstantSource clock = InstantSource.system();
        String summary;
        if (isUrl(log)) {
            URI prefix = url(log);
            try (HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()) {
                summary = LogVerification.run(new HttpTiles(client, prefix, REQUEST_TIMEOUT), verifier, witnesses, receipts, older, err, clock);
            }
        } else {
            Path dir = Path.of(log);
            if (!Files.isDirectory(dir)) {
                throw new Failures.Failed("no log in " + dir + ": there is no such directory");
            }
            summary = LogVerification.run(new DirectoryTiles(dir), verifier, witnesses, receipts, older, err, clock);
        }
        out.println(summary);
        out.flush();
        return 0;
    }

    /** The witness policy the options ask for: none without --witness; every witness unless --witnesses says fewer. */
    private Optional<WitnessPolicy> witnessPolicy() {
        if (witnessKeys.isEmpty()) {
            if (witnessThreshold != null) {
                throw new ParameterException(spec.commandLine(), "--witnesses needs at least one --witness key");
            }
            return Optional.empty();
        }
        List<NoteVerifier> witnesses = new ArrayList<>();
        for (String witnessKey : witnessKeys) {
            switch (VerifierKeys.parse(witnessKey)) {
                case Parsed.Malformed<NoteVerifier> m -> throw new ParameterException(spec.commandLine(),
                        "--witness " + witnessKey + " is not a verifier key: " + m.reason());
                case Parsed.Ok<NoteVerifier>(NoteVerifier ok) -> witnesses.add(ok);
            }
        }
        int threshold = witnessThreshold == null ? witnesses.size() : witnessThreshold;
        if (threshold < 1 || threshold > witnesses.size()) {
            throw new ParameterException(spec.commandLine(),
                    "--witnesses must be 1 to " + witnesses.size() + " (the number of --witness keys), not " + threshold);
        }
        try {
            return Optional.of(new WitnessPolicy(witnesses, threshold));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--witness: " + e.getMessage(), e);
        }
    }

    private static boolean isUrl(String log) {
        return log.startsWith("http://") || log.startsWith("https://");
    }

    private URI url(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new ParameterException(spec.commandLine(), "--log " + text + " is not a URL: it names no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--log " + text + " is not a URL: " + e.getMessage(), e);
        }
    }
}
