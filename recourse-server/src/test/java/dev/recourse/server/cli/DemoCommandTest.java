package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.Tile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    private static final Pattern FIELD_NAME = Pattern.compile("\"([a-z_]+)\":");

    @TempDir
    Path dir;

    @Test
    void aFirstRunMakesAKeyAndALogAndVerifiesIt() throws IOException {
        Run run = demo("--no-serve");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Ed25519NoteSigner key = KeyFile.read(dir.resolve("log.key"));
        assertThat(run.out()).contains(
                "key: " + dir.resolve("log.key") + " (new, readable by you only); verifier key " + key.verifierKey(),
                "appended 36 fictional decisions as entries 0 to 35",
                "The log's signed checkpoint (" + dir.resolve("log/checkpoint") + "):\n" + Files.readString(dir.resolve("log/checkpoint")),
                "Its receipt, which the person affected receives (" + dir.resolve("receipts/entry-18.tlog-proof") + "):",
                "Audit: verified demo.recourse.example/log: 36 entries, 2 tiles, 1 receipt; root ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("log.key")))).isEqualTo("rw-------");
    }

    @Test
    void theSavedReceiptVerifiesWithTheLogsKey() throws IOException {
        demo("--no-serve");

        Receipt receipt = Receipt.parse(Files.readString(dir.resolve("receipts/entry-18.tlog-proof"))).orElseThrow();
        Ed25519NoteSigner key = KeyFile.read(dir.resolve("log.key"));
        assertThat(receipt.index()).isEqualTo(18);
        assertThat(receipt.verify(key.verifier(), Optional.empty())).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void thePrintedVerifyCommandHolds() throws IOException {
        Run run = demo("--no-serve");

        Run verify = Run.of(printedVerifyCommand(run.out(), "Check it yourself:"));

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("verified demo.recourse.example/log: 36 entries, 2 tiles, 1 receipt; root ");
    }

    @Test
    void runningAgainReusesTheKeyAndTheLogAndAppendsMore() throws IOException {
        demo("--no-serve");
        String key = Files.readString(dir.resolve("log.key"));

        Run again = demo("--no-serve");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("log.key"))).isEqualTo(key);
        assertThat(again.out()).contains(
                "key: " + dir.resolve("log.key") + " (reused)",
                "appended 36 fictional decisions as entries 36 to 71",
                "Audit: verified demo.recourse.example/log: 72 entries, 2 tiles, 1 receipt, 1 older checkpoint consistent; root ");
        assertThat(printedVerifyCommand(again.out(), "Check it yourself:"))
                .contains("--receipt", dir.resolve("receipts/entry-54.tlog-proof").toString(), "--old", dir.resolve("previous-checkpoint").toString());
        assertThat(Run.of(printedVerifyCommand(again.out(), "Check it yourself:")).exitCode()).isZero();
    }

    @Test
    void theEntriesAreCanonicalJsonOfFictionalDecisions() throws IOException {
        demo("--no-serve");

        List<byte[]> entries = new Tile.Entries(0, 36).decode(Files.readAllBytes(dir.resolve("log/tile/entries/000.p/36"))).orElseThrow();
        for (byte[] entry : entries) {
            String json = new String(entry, StandardCharsets.UTF_8);
            assertThat(json).startsWith("{\"automated_decision\":\"AUTOMATED_DECISION_").endsWith("\"type\":\"decision.made\"}")
                    .contains("\"decision_ground\":\"DECISION_GROUND_", "\"category\":\"STATEMENT_CATEGORY_", "\"commit\":\"")
                    .doesNotContain("\": ", "\", ", "} ", " {", "\n");
            List<String> names = new ArrayList<>();
            Matcher field = FIELD_NAME.matcher(json);
            while (field.find()) {
                names.add(field.group(1));
            }
            assertThat(names).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void itServesTheLogReadOnlyOnTheLoopback() throws IOException {
        List<String> fetched = new ArrayList<>();
        Run run = Run.of(Map.of(), commandLine -> demoCommand(commandLine).whileServing = url -> {
            try (HttpClient client = HttpClient.newHttpClient()) {
                fetched.add(get(client, url.resolve("checkpoint")).body());
                fetched.add(Integer.toString(get(client, url.resolve(".lock")).statusCode()));
                HttpRequest put = HttpRequest.newBuilder(url.resolve("checkpoint")).PUT(HttpRequest.BodyPublishers.ofString("x")).build();
                fetched.add(Integer.toString(client.send(put, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fetched).containsExactly(Files.readString(dir.resolve("log/checkpoint")), "404", "405");
        assertThat(run.out()).containsPattern("Serving " + Pattern.quote(dir.resolve("log").toString())
                + " read-only at http://127\\.0\\.0\\.1:\\d+/ until Ctrl-C:");
        assertThat(run.out()).containsPattern("  the checkpoint: http://127\\.0\\.0\\.1:\\d+/checkpoint");
    }

    @Test
    void thePrintedVerifyCommandHoldsOverHttpWhileServing() {
        List<Run> verified = new ArrayList<>();
        StringWriter out = new StringWriter();
        Run run = Run.of(Map.of(), commandLine -> {
            commandLine.setOut(new PrintWriter(out, true));
            demoCommand(commandLine).whileServing = url -> verified.add(Run.of(printedVerifyCommand(out.toString(), "check it over HTTP:")));
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(verified).singleElement().satisfies(verify -> {
            assertThat(verify.exitCode()).as(verify.err()).isZero();
            assertThat(verify.out()).startsWith("verified demo.recourse.example/log: 36 entries");
        });
    }

    @Test
    void aPortInUseFailsInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            int port = taken.getLocalPort();

            Run run = demo("--port", Integer.toString(port));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).filteredOn(line -> line.startsWith("recourse: ")).containsExactly("recourse: cannot serve on 127.0.0.1:"
                    + port + ": Address already in use; choose another port with --port (0 picks a free one)");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Run run = demo("--no-serve", "--port", "65536");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse demo: --port is 0 to 65535, not 65536");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLogWhoseKeyIsGoneFailsInOneLine() throws IOException {
        demo("--no-serve");
        Files.delete(dir.resolve("log.key"));

        Run run = demo("--no-serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: " + dir.resolve("log") + " holds a log, but its key "
                + dir.resolve("log.key") + " is missing; remove the directory to start afresh");
    }

    @Test
    void aKeyFileThatHoldsNoKeyFailsInOneLine() throws IOException {
        Files.writeString(dir.resolve("log.key"), "not a key\n");

        Run run = demo("--no-serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("recourse: " + dir.resolve("log.key") + " is not a signing key: ");
    }

    private Run demo(String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "--data", dir.toString()));
        args.addAll(Arrays.asList(options));
        return Run.of(args.toArray(String[]::new));
    }

    private static DemoCommand demoCommand(CommandLine commandLine) {
        return (DemoCommand) commandLine.getSubcommands().get("demo").getCommand();
    }

    /** The arguments of the {@code bin/recourse verify ...} line printed after {@code heading}. */
    private static String[] printedVerifyCommand(String out, String heading) {
        String after = out.substring(out.indexOf(heading) + heading.length());
        String line = after.lines().filter(l -> l.contains("bin/recourse verify")).findFirst().orElseThrow();
        String command = line.substring(line.indexOf("bin/recourse ") + "bin/recourse ".length());
        return command.split(" ");
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
