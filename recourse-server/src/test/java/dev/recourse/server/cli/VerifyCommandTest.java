package dev.recourse.server.cli;

import static dev.recourse.server.cli.TestLogs.FORGER;
import static dev.recourse.server.cli.TestLogs.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.CosignatureSigner;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private Path log;
    private List<String> notes;
    private String root;

    @BeforeEach
    void writeALog() throws IOException {
        log = dir.resolve("log");
        notes = TestLogs.append(log, "entry", 100, 500);
        root = Checkpoints.parseUnverified(notes.getLast()).orElseThrow().root().toBase64();
    }

    @Test
    void aLogThatHoldsIsSummedUpInOneLine() {
        Run run = verify(log.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("verified example.com/test-log: 600 entries, 7 tiles; root " + root + System.lineSeparator());
        assertThat(run.errLines()).singleElement().asString().startsWith("audited 600 / 600 (100%)");
    }

    @Test
    void receiptsAndOlderCheckpointsThatHoldAreCounted() throws IOException {
        Path first = receipt(0, notes.getFirst());
        Path second = receipt(599, notes.getLast());
        Path older = write("older-checkpoint", notes.getFirst());

        Run run = verify(log.toString(), "--receipt", first.toString(), "--receipt", second.toString(), "--old", older.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("verified example.com/test-log: 600 entries, 7 tiles, 2 receipts, 1 older checkpoint"
                + " consistent; root " + root + System.lineSeparator());
    }

    @Test
    void aLogServedOverHttpVerifiesTheSame() throws IOException {
        Path receipt = receipt(42, notes.getFirst());
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        server.start();
        try {
            String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
            for (String prefix : List.of(url, url + "/")) {
                Run run = verify(prefix, "--receipt", receipt.toString(), "--old", write("old", notes.getFirst()).toString());

                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).isEqualTo("verified example.com/test-log: 600 entries, 7 tiles, 1 receipt, 1 older"
                        + " checkpoint consistent; root " + root + System.lineSeparator());
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTileThatWasChangedFailsNamingIt() throws IOException {
        Path tile = log.resolve("tile/0/001");
        byte[] data = Files.readAllBytes(tile);
        data[100] ^= 1;
        Files.write(tile, data);

        Run run = verify(log.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("recourse: " + log + ": tile/0/001 differs from the tile recomputed from the entries");
    }

    @Test
    void aReceiptFromAForkFailsNamingTheFile() throws IOException {
        Path fork = dir.resolve("fork");
        String forkNote = TestLogs.append(fork, "forked", 700).getLast();
        Path receipt = write("forked.tlog-proof", Receipt.prove(new DirectoryTiles(fork), 5, forkNote).text());

        Run run = verify(log.toString(), "--receipt", receipt.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(failures(run)).containsExactly("recourse: " + receipt + ": the receipt's checkpoint has size 700, larger"
                + " than the log's current checkpoint of size 600");
    }

    @Test
    void aReceiptFromAForkOfTheSameSizeFails() throws IOException {
        Path fork = dir.resolve("fork");
        String forkNote = TestLogs.append(fork, "forked", 300).getLast();
        Path receipt = write("forked.tlog-proof", Receipt.prove(new DirectoryTiles(fork), 5, forkNote).text());

        Run run = verify(log.toString(), "--receipt", receipt.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).singleElement().asString().startsWith("recourse: " + receipt
                + ": the receipt's checkpoint is not in the history of the log's current checkpoint");
    }

    @Test
    void aReceiptWithAnAlteredEntryFails() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 7, notes.getLast());
        byte[] entry = receipt.extra().orElseThrow();
        entry[0] ^= 1;
        Path altered = write("altered.tlog-proof", new Receipt(java.util.Optional.of(entry), 7, receipt.proof(), notes.getLast()).text());

        Run run = verify(log.toString(), "--receipt", altered.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).singleElement().asString()
                .startsWith("recourse: " + altered + ": the entry on the extra line and the proof do not lead to the checkpoint's root");
    }

    @Test
    void aFileThatIsNoReceiptFailsNamingIt() throws IOException {
        Path file = write("hello.txt", "hello\n");

        Run run = verify(log.toString(), "--receipt", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).containsExactly(
                "recourse: " + file + ": not a receipt: the first line is not c2sp.org/tlog-proof@v1");
    }

    @Test
    void aFileThatIsNoTextFailsNamingIt() throws IOException {
        Path file = dir.resolve("binary");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        Run run = verify(log.toString(), "--receipt", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).containsExactly("recourse: " + file + ": not UTF-8 text");
    }

    @Test
    void aMissingReceiptFileFailsBeforeTheAudit() {
        Path missing = dir.resolve("missing.tlog-proof");

        Run run = verify(log.toString(), "--receipt", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no such file: " + missing);
    }

    @Test
    void anOlderCheckpointOfAForkFails() throws IOException {
        String forkNote = TestLogs.append(dir.resolve("fork"), "forked", 200).getLast();
        Path older = write("fork-checkpoint", forkNote);

        Run run = verify(log.toString(), "--old", older.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).singleElement().asString()
                .startsWith("recourse: " + older + ": the checkpoint is not in the history of the log's current checkpoint");
    }

    @Test
    void anOlderCheckpointSignedByAnotherKeyFails() throws IOException {
        String body = Checkpoints.parseUnverified(notes.getFirst()).orElseThrow().body();
        Path older = write("forged-checkpoint", Note.sign(body, List.of(FORGER)));

        Run run = verify(log.toString(), "--old", older.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).singleElement().asString()
                .startsWith("recourse: " + older + ": the checkpoint: log signature: ");
    }

    @Test
    void everyFailureHasItsOwnLine() throws IOException {
        Path notAReceipt = write("hello.txt", "hello\n");
        Path forged = write("forged", Note.sign(Checkpoints.parseUnverified(notes.getFirst()).orElseThrow().body(), List.of(FORGER)));
        Path good = receipt(3, notes.getLast());

        Run run = verify(log.toString(), "--receipt", notAReceipt.toString(), "--receipt", good.toString(), "--old", forged.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(failures(run)).hasSize(2);
        assertThat(failures(run).get(0)).startsWith("recourse: " + notAReceipt + ": ");
        assertThat(failures(run).get(1)).startsWith("recourse: " + forged + ": ");
    }

    @Test
    void aCheckpointCosignedByTheRequiredWitnessesHolds() throws IOException {
        CosignatureSigner witness = witness(3);
        cosign(witness);

        Run run = verify(log.toString(), "--witness", witness.verifierKey(), "--witness", witness(4).verifierKey(), "--witnesses", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("verified example.com/test-log: 600 entries");
    }

    @Test
    void aCheckpointWithoutTheRequiredCosignatureFails() throws IOException {
        cosign(witness(3));

        Run run = verify(log.toString(), "--witness", witness(3).verifierKey(), "--witness", witness(4).verifierKey());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("recourse: " + log + ": ");
    }

    @Test
    void aWitnessThresholdAboveTheWitnessesIsAUsageError() {
        Run run = verify(log.toString(), "--witness", witness(3).verifierKey(), "--witnesses", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse verify: --witnesses must be 1 to 1");
    }

    @Test
    void aWitnessThresholdWithoutWitnessesIsAUsageError() {
        Run run = verify(log.toString(), "--witnesses", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse verify: --witnesses needs at least one --witness");
    }

    private static CosignatureSigner witness(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return CosignatureSigner.fromSeed("witness" + seed + ".example", bytes,
                InstantSource.fixed(Instant.parse("2026-11-29T12:00:00Z")));
    }

    /** Adds {@code witness}'s cosignature to the log's current checkpoint, as a witness network would. */
    private void cosign(CosignatureSigner witness) throws IOException {
        Path checkpoint = log.resolve("checkpoint");
        String note = Files.readString(checkpoint);
        String body = note.substring(0, note.indexOf("\n\n") + 1);
        Files.writeString(checkpoint, note + Note.signature(body, witness).line());
    }

    @Test
    void theWrongKeyFails() {
        Run run = Run.of("verify", "--log", log.toString(), "--key", FORGER.verifierKey());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("recourse: " + log + ": log signature: ");
    }

    @Test
    void aMalformedKeyIsAUsageError() {
        Run run = Run.of("verify", "--log", log.toString(), "--key", "example.com/test-log+00000000+AAAA");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse verify: --key is not a verifier key: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingDirectoryFailsInOneLine() {
        Path missing = dir.resolve("nothing-here");

        Run run = verify(missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no log in " + missing + ": there is no such directory");
    }

    @Test
    void aDirectoryWithoutALogFailsInOneLine() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        Run run = verify(empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: " + empty + ": " + empty + " has no checkpoint");
    }

    @Test
    void anUnreachableUrlFailsInOneLine() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/log/";

        Run run = verify(url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("recourse: GET " + url + "checkpoint failed: ");
    }

    @Test
    void aUrlWithoutAHostIsAUsageError() {
        Run run = verify("http:///log");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse verify: --log http:///log is not a URL: it names no host");
    }

    private Run verify(String logOption, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", "--log", logOption, "--key", KEY.verifierKey()));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    /** The lines on stderr that report failures, without the audit's progress. */
    private static List<String> failures(Run run) {
        return run.errLines().stream().filter(line -> line.startsWith("recourse: ")).toList();
    }

    private Path receipt(long index, String note) throws IOException {
        return write("entry-" + index + ".tlog-proof", Receipt.prove(new DirectoryTiles(log), index, note).text());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
