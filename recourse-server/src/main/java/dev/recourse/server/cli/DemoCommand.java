package dev.recourse.server.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse demo}: until the service exists, demonstrates the public log. It appends a few dozen
 * fictional moderation decisions to a log under {@code --data}, prints the signed checkpoint and a receipt,
 * audits the log and checks the receipt, prints the {@code bin/recourse verify} command that does the same,
 * and then serves the log read-only over HTTP on 127.0.0.1 until stopped.
 *
 * <p>Running it again reuses the key and the log and appends more; the checkpoint from before is kept as
 * {@code previous-checkpoint}, which the verification then proves the new one consistent with.
 */
@Command(
        name = "demo",
        description = {
            "See the public log work: append a few dozen fictional moderation decisions to a log under DIR, print"
                    + " its signed checkpoint and a receipt for one decision, audit the log, check the receipt, and"
                    + " serve the log read-only on 127.0.0.1 until Ctrl-C.",
            "Running it again reuses the key and the log and appends more."
        })
final class DemoCommand implements Callable<Integer> {
    /** The demo log's origin, which names its key. */
    static final String ORIGIN = "demo.recourse.example/log";
    /** How many decisions one run appends. */
    static final int DECISIONS = 36;

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "recourse-data/demo-log",
            description = "Where the demo keeps its key, log and receipts (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--no-serve", description = "Stop after the verification instead of serving the log.")
    boolean noServe;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to serve the log on, on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Spec
    CommandSpec spec;

    /** What happens while it serves; by default, nothing until Ctrl-C ends the program. */
    Serving whileServing = Serving.untilStopped();

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port is 0 to 65535, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        // The command line is the edge of the program: the one place the clock and randomness are chosen.
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        Path logDir = data.resolve("log");
        Path keyFile = data.resolve("log.key");
        Path previousCheckpoint = data.resolve("previous-checkpoint");

        out.println("Recourse demo: a public log of moderation decisions, in " + data);
        Ed25519NoteSigner signer = signer(keyFile, logDir, random, out);

        String note;
        long first;
        try (DirectoryStorage storage = DirectoryStorage.open(logDir)) {
            Appender appender = Appender.open(storage, signer);
            Optional<String> previous = appender.checkpointNote();
            if (previous.isPresent()) {
                Files.writeString(previousCheckpoint, previous.get());
            }
            first = appender.size().value();
            appender.append(DemoDecisions.make(first, DECISIONS, clock.instant(), random));
            note = appender.checkpointNote().orElseThrow();
        }
        out.printf("appended %d fictional decisions as entries %d to %d%n", DECISIONS, first, first + DECISIONS - 1);
        out.println();
        out.println("The log's signed checkpoint (" + logDir.resolve("checkpoint") + "):");
        out.print(note);

        long chosen = first + DECISIONS / 2;
        Receipt receipt = Receipt.prove(new DirectoryTiles(logDir), chosen, note);
        Path receiptFile = data.resolve("receipts").resolve("entry-" + chosen + ".tlog-proof");
        Files.createDirectories(receiptFile.getParent());
        Files.writeString(receiptFile, receipt.text());
        out.println();
        out.println("Entry " + chosen + ", one decision as the public sees it:");
        out.println(new String(receipt.extra().orElseThrow(), StandardCharsets.UTF_8));
        out.println();
        out.println("Its receipt, which the person affected receives (" + receiptFile + "):");
        out.print(receipt.text());
        out.println();
        out.flush();

        List<Path> older = Files.exists(previousCheckpoint) ? List.of(previousCheckpoint) : List.of();
        String summary = LogVerification.run(new DirectoryTiles(logDir), signer.verifier(), Optional.empty(), List.of(receiptFile), older,
                spec.commandLine().getErr(), clock);
        out.println("Audit: " + summary);
        out.println();
        out.println("Check it yourself:");
        out.println("  " + verifyCommand(logDir.toString(), signer, receiptFile, older));
        out.flush();
        if (noServe) {
            return 0;
        }
        serve(logDir, signer, receiptFile, older, out);
        return 0;
    }

    /** The demo's key: the one in {@code keyFile}, or a new one written there if the demo has no log yet. */
    private static Ed25519NoteSigner signer(Path keyFile, Path logDir, SecureRandom random, PrintWriter out) throws IOException {
        if (Files.exists(keyFile)) {
            Ed25519NoteSigner signer = KeyFile.read(keyFile);
            out.println("key: " + keyFile + " (reused); verifier key " + signer.verifierKey());
            return signer;
        }
        if (Files.exists(logDir.resolve("checkpoint"))) {
            throw new Failures.Failed(logDir + " holds a log, but its key " + keyFile
                    + " is missing; remove the directory to start afresh");
        }
        Files.createDirectories(keyFile.getParent());
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate(ORIGIN, random);
        KeyFile.create(keyFile, signer);
        out.println("key: " + keyFile + " (new, readable by you only); verifier key " + signer.verifierKey());
        return signer;
    }

    /** Serves {@code logDir} read-only on 127.0.0.1 while {@link #whileServing} runs. */
    private void serve(Path logDir, Ed25519NoteSigner signer, Path receiptFile, List<Path> older, PrintWriter out)
            throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server;
        try {
            server = SimpleFileServer.createFileServer(new InetSocketAddress(loopback, port),
                    logDir.toAbsolutePath().normalize(), SimpleFileServer.OutputLevel.NONE);
        } catch (UncheckedIOException e) {
            throw new Failures.Failed("cannot serve on 127.0.0.1:" + port + ": " + e.getCause().getMessage()
                    + "; choose another port with --port (0 picks a free one)", e);
        }
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            out.println();
            out.println("Serving " + logDir + " read-only at " + url + " until Ctrl-C:");
            out.println("  the checkpoint: " + url.resolve("checkpoint"));
            out.println("  check it over HTTP: " + verifyCommand(url.toString(), signer, receiptFile, older));
            out.flush();
            whileServing.during(url);
        } catch (InterruptedException e) {
            // Being interrupted is how serving is asked to stop; the thread stays marked for its caller.
            Thread.currentThread().interrupt();
        } finally {
            server.stop(0);
        }
    }

    /** The {@code bin/recourse verify} command line that checks the demo's log, ready to paste into a shell. */
    private static String verifyCommand(String log, Ed25519NoteSigner signer, Path receiptFile, List<Path> older) {
        List<String> words = new ArrayList<>(List.of(
                "bin/recourse", "verify", "--log", log, "--key", signer.verifierKey(), "--receipt", receiptFile.toString()));
        older.forEach(file -> words.addAll(List.of("--old", file.toString())));
        return String.join(" ", words.stream().map(DemoCommand::shellWord).toList());
    }

    /** {@code word} as one word for a POSIX shell: as it is when that is safe, else in single quotes. */
    private static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
