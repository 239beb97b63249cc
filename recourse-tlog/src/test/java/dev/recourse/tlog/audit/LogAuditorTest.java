package dev.recourse.tlog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.Tile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogAuditorTest {
    private static final Ed25519NoteSigner LOG = Ed25519NoteSigner.fromSeed("example.com/audited", seed(1));
    private static final Ed25519NoteSigner FORGER = Ed25519NoteSigner.fromSeed(LOG.name(), seed(2));

    @TempDir
    Path dir;

    private Path log;
    private Path fork;
    /** The log's checkpoint notes, after 100, 300 and 700 entries. */
    private final List<String> notes = new ArrayList<>();
    /** The fork's checkpoint note, after the same first 100 entries and 200 others. */
    private String forkNote;

    @BeforeEach
    void writeALogAndAFork() throws IOException {
        log = dir.resolve("log");
        fork = dir.resolve("fork");
        try (DirectoryStorage storage = DirectoryStorage.open(log)) {
            Appender appender = Appender.open(storage, LOG);
            for (int size : new int[] {100, 300, 700}) {
                appender.append(entries("entry", appender.size().value(), size));
                notes.add(appender.checkpointNote().orElseThrow());
            }
        }
        try (DirectoryStorage storage = DirectoryStorage.open(fork)) {
            Appender appender = Appender.open(storage, LOG);
            appender.append(entries("entry", 0, 100));
            appender.append(entries("forked", 100, 300));
            forkNote = appender.checkpointNote().orElseThrow();
        }
    }

    @Test
    void aReceiptOfTheLogHolds() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 512, notes.get(2));

        assertThat(auditor(log).receipt(receipt)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aReceiptAgainstAnEarlierCheckpointHoldsAfterTheLogGrew() throws IOException {
        for (String note : notes) {
            Receipt receipt = Receipt.prove(new DirectoryTiles(log), 99, note);

            assertThat(auditor(log).receipt(receipt, current(log))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Test
    void aReceiptFromAForkOfTheLogFails() throws IOException {
        Receipt forked = Receipt.prove(new DirectoryTiles(fork), 150, forkNote);
        Receipt ofTheSharedPart = Receipt.prove(new DirectoryTiles(fork), 50, forkNote);

        assertThat(forked.verify(LOG.verifier(), Optional.empty())).isEqualTo(Verdict.HOLDS);
        for (Receipt receipt : List.of(forked, ofTheSharedPart)) {
            assertThat(auditor(log).receipt(receipt)).isInstanceOfSatisfying(Verdict.Fails.class, fails -> assertThat(
                    fails.reason()).startsWith("the receipt's checkpoint is not in the history of the log's current checkpoint: "
                            + "checkpoint of size 300 is not consistent with the one of size 700"));
        }
    }

    @Test
    void aReceiptForALargerTreeThanTheLogsFails() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 512, notes.get(2));

        assertThat(auditor(log).receipt(receipt, checkpoint(notes.get(1)))).isEqualTo(Verdict.fails(
                "the receipt's checkpoint has size 700, larger than the log's current checkpoint of size 300"));
    }

    @Test
    void aReceiptThatDoesNotVerifyOnItsOwnFailsWithItsReason() throws IOException {
        String forged = Note.sign(checkpoint(notes.get(2)).body(), List.of(FORGER));
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 512, forged);

        assertThat(auditor(log).receipt(receipt)).isInstanceOfSatisfying(Verdict.Fails.class,
                fails -> assertThat(fails.reason()).startsWith("the checkpoint: log signature: "));
    }

    @Test
    void aReceiptWhoseEntryTheLogNoLongerHoldsFails() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 300, notes.get(2));
        Tile.Entries bundle = new Tile.Entries(1, 256);
        List<byte[]> stored = new ArrayList<>(bundle.decode(Files.readAllBytes(log.resolve(bundle.path()))).orElseThrow());
        stored.set(300 - 256, "entry 300, edited".getBytes(StandardCharsets.UTF_8));
        Files.write(log.resolve(bundle.path()), Tile.Entries.encode(stored));

        assertThat(auditor(log).receipt(receipt))
                .isEqualTo(Verdict.fails("entry 300 in the log differs from the receipt's entry"));
    }

    @Test
    void aReceiptWhoseEntryBundleIsMissingFails() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 300, notes.get(2));
        Files.delete(log.resolve(new Tile.Entries(1, 256).path()));

        assertThat(auditor(log).receipt(receipt)).isEqualTo(Verdict.fails("tile/entries/001 is missing"));
    }

    @Test
    void aReceiptFailsWhenTheLogHasNoCheckpoint() throws IOException {
        Receipt receipt = Receipt.prove(new DirectoryTiles(log), 5, notes.get(0));
        Files.delete(log.resolve("checkpoint"));

        assertThat(auditor(log).receipt(receipt)).isInstanceOfSatisfying(Verdict.Fails.class,
                fails -> assertThat(fails.reason()).startsWith("the log's checkpoint: ").endsWith("has no checkpoint"));
    }

    @Test
    void anEarlierCheckpointOfTheLogIsConsistent() throws IOException {
        for (String note : notes) {
            assertThat(auditor(log).olderCheckpoint(note, current(log))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Test
    void aCheckpointOfAForkIsNotConsistent() throws IOException {
        assertThat(auditor(log).olderCheckpoint(forkNote, current(log))).isInstanceOfSatisfying(Verdict.Fails.class,
                fails -> assertThat(fails.reason()).startsWith("the checkpoint is not in the history of the log's current checkpoint"));
    }

    @Test
    void aLargerCheckpointThanTheCurrentOneIsNotConsistent() throws IOException {
        assertThat(auditor(log).olderCheckpoint(notes.get(2), checkpoint(notes.get(1)))).isEqualTo(Verdict.fails(
                "the checkpoint has size 700, larger than the log's current checkpoint of size 300"));
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws IOException {
        String forged = Note.sign(checkpoint(notes.get(1)).body(), List.of(FORGER));

        assertThat(auditor(log).olderCheckpoint(forged, current(log))).isInstanceOfSatisfying(Verdict.Fails.class,
                fails -> assertThat(fails.reason()).startsWith("the checkpoint: log signature: "));
    }

    @Test
    void auditingAgainstAVerifiedCheckpointRecomputesEveryTile() throws IOException {
        List<Long> progress = new ArrayList<>();
        LogAuditor.AuditReport report = auditor(log).audit(current(log), progress::add);

        assertThat(report.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(report.checkpoint().orElseThrow().size()).isEqualTo(TreeSize.of(700));
        assertThat(report.tilesChecked()).isEqualTo(3 + 3 + 1);
        assertThat(progress).containsExactly(256L, 512L, 700L);
    }

    private static LogAuditor auditor(Path log) {
        return new LogAuditor(new DirectoryTiles(log), LOG.verifier(), Optional.empty());
    }

    private static Checkpoint current(Path log) throws IOException {
        return switch (auditor(log).checkpoint()) {
            case CheckpointResult.Valid valid -> valid.checkpoint();
            case CheckpointResult.Invalid invalid -> throw new AssertionError(invalid.reason());
        };
    }

    private static Checkpoint checkpoint(String note) {
        return Checkpoints.parseUnverified(note).orElseThrow();
    }

    private static List<byte[]> entries(String kind, long first, long end) {
        List<byte[]> entries = new ArrayList<>();
        for (long index = first; index < end; index++) {
            entries.add((kind + " " + index).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    private static byte[] seed(int number) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) number);
        return seed;
    }
}
