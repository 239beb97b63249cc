package dev.recourse.tlog.receipt;

import static dev.recourse.tlog.receipt.LogFixtures.FORGER;
import static dev.recourse.tlog.receipt.LogFixtures.LOG;
import static dev.recourse.tlog.receipt.LogFixtures.W1;
import static dev.recourse.tlog.receipt.LogFixtures.W2;
import static dev.recourse.tlog.receipt.LogFixtures.signedCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.MissingTileException;
import dev.recourse.tlog.tile.TileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptTest {
    private static final TestVectors.Log RANDOM_37 = TestVectors.small().log("random-37");
    private static final TileReader TILES = LogFixtures.tiles(RANDOM_37);
    private static final String NOTE = signedCheckpoint(RANDOM_37);
    private static final Optional<WitnessPolicy> NO_WITNESSES = Optional.empty();

    @TempDir
    Path dir;

    // ---- Receipts that hold.

    @Test
    void receiptsOfALogWrittenWithTheAppenderVerifyAgainstEveryCheckpointItPublished() throws IOException {
        List<String> notes = new ArrayList<>();
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, LOG);
            for (int batch : new int[] {1, 2, 253, 1, 300, 44}) {
                appender.append(entries(batch, appender.size().value()));
                notes.add(appender.checkpointNote().orElseThrow());
            }
        }
        TileReader log = new DirectoryTiles(dir);
        for (String note : notes) {
            long size = Checkpoints.parseUnverified(note).orElseThrow().size().value();
            for (long index = 0; index < size; index += 1 + index / 8) {
                Receipt receipt = Receipt.prove(log, index, note);

                assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES)).isEqualTo(Verdict.HOLDS);
                assertThat(new String(receipt.extra().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(entryText(index));
            }
        }
    }

    @Test
    void theVectorsInclusionProofsVerifyAsReceipts() {
        for (TestVectors.Log log : TestVectors.allLogs().toList()) {
            for (TestVectors.Inclusion vector : log.inclusion()) {
                Optional<Hash> root = log.root(vector.treeSize().value());
                if (root.isEmpty()) {
                    continue;
                }
                byte[] entry = log.entries().get(Math.toIntExact(vector.index()));
                Receipt receipt = new Receipt(Optional.of(entry), vector.index(), vector.proof(),
                        signedCheckpoint(vector.treeSize(), root.get()));

                assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES))
                        .as("%s, entry %d of %s", log.name(), vector.index(), vector.treeSize())
                        .isEqualTo(Verdict.HOLDS);
                assertThat(Receipt.parse(receipt.text())).isEqualTo(Parsed.ok(receipt));
            }
        }
    }

    @Test
    void proveMakesTheReferenceProofsForTheFinalTree() throws IOException {
        for (TestVectors.Inclusion vector : RANDOM_37.inclusion()) {
            if (vector.treeSize().equals(RANDOM_37.size())) {
                Receipt receipt = Receipt.prove(TILES, vector.index(), NOTE);

                assertThat(receipt.proof()).isEqualTo(vector.proof());
                assertThat(receipt.extra().orElseThrow()).isEqualTo(RANDOM_37.entries().get(Math.toIntExact(vector.index())));
            }
        }
    }

    @Test
    void theTextIsLaidOutAsTheSpecificationSays() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 5, NOTE);
        StringBuilder expected = new StringBuilder("c2sp.org/tlog-proof@v1\n")
                .append("extra ").append(Canonical.base64(RANDOM_37.entries().get(5))).append('\n')
                .append("index 5\n");
        receipt.proof().forEach(hash -> expected.append(hash.toBase64()).append('\n'));
        expected.append('\n').append(NOTE);

        assertThat(receipt.text()).isEqualTo(expected.toString());
        assertThat(receipt.proof()).hasSize(6);
    }

    @Test
    void aReceiptWithoutExtraDataHasNoExtraLine() throws IOException {
        Receipt proven = Receipt.prove(TILES, 5, NOTE);
        Receipt bare = new Receipt(Optional.empty(), 5, proven.proof(), NOTE);

        assertThat(bare.text()).startsWith("c2sp.org/tlog-proof@v1\nindex 5\n");
        assertThat(Receipt.parse(bare.text())).isEqualTo(Parsed.ok(bare));
    }

    @Test
    void emptyExtraDataIsAnExtraLineWithNothingAfterTheSpace() throws IOException {
        Receipt proven = Receipt.prove(TILES, 5, NOTE);
        Receipt empty = new Receipt(Optional.of(new byte[0]), 5, proven.proof(), NOTE);

        assertThat(empty.text()).startsWith("c2sp.org/tlog-proof@v1\nextra \nindex 5\n");
        assertThat(Receipt.parse(empty.text())).isEqualTo(Parsed.ok(empty));
    }

    @Test
    void aTreeOfOneEntryNeedsNoProofHashes() {
        byte[] entry = "only".getBytes(StandardCharsets.UTF_8);
        Receipt receipt = new Receipt(Optional.of(entry), 0, List.of(),
                signedCheckpoint(TreeSize.of(1), Merkle.leafHash(entry)));

        assertThat(receipt.text()).contains("index 0\n\n");
        assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aWitnessedReceiptHoldsUnderAPolicyItMeets() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, signedCheckpoint(RANDOM_37.size(), root(), W1, W2));

        assertThat(receipt.verify(LOG.verifier(), Optional.of(bothWitnesses()))).isEqualTo(Verdict.HOLDS);
    }

    // ---- Receipts that fail, each with its reason.

    @Test
    void anAlteredIndexFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        Receipt altered = new Receipt(receipt.extra(), 8, receipt.proof(), NOTE);

        assertFails(altered, "do not lead to the checkpoint's root", "leads to root");
    }

    @Test
    void anIndexWhoseProofIsShorterFailsOnTheProofsLength() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        Receipt altered = new Receipt(receipt.extra(), 36, receipt.proof(), NOTE);

        assertFails(altered, "more than the tree needs");
    }

    @Test
    void anAlteredProofHashFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        List<Hash> proof = new ArrayList<>(receipt.proof());
        proof.set(2, Merkle.leafHash(new byte[] {1}));

        assertFails(new Receipt(receipt.extra(), 9, proof, NOTE), "leads to root");
    }

    @Test
    void swappedProofHashesFail() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        List<Hash> proof = new ArrayList<>(receipt.proof());
        Collections.swap(proof, 0, 1);

        assertFails(new Receipt(receipt.extra(), 9, proof, NOTE), "leads to root");
    }

    @Test
    void aTruncatedProofFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        List<Hash> proof = receipt.proof().subList(0, receipt.proof().size() - 1);

        assertFails(new Receipt(receipt.extra(), 9, proof, NOTE), "fewer than the tree needs");
    }

    @Test
    void anExtendedProofFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        List<Hash> proof = new ArrayList<>(receipt.proof());
        proof.add(root());

        assertFails(new Receipt(receipt.extra(), 9, proof, NOTE), "more than the tree needs");
    }

    @Test
    void anAlteredEntryFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        byte[] entry = receipt.extra().orElseThrow();
        entry[entry.length / 2] ^= 1;

        assertFails(new Receipt(Optional.of(entry), 9, receipt.proof(), NOTE), "the entry on the extra line");
    }

    @Test
    void aReceiptWithoutTheEntryFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);

        assertFails(new Receipt(Optional.empty(), 9, receipt.proof(), NOTE), "no extra line");
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyFails() throws IOException {
        String forged = signedCheckpoint(FORGER, RANDOM_37.size(), root());
        Receipt receipt = Receipt.prove(TILES, 9, forged);

        assertFails(receipt, "the checkpoint: log signature", "no signature by any of the 1 known keys");
    }

    @Test
    void aMissingWitnessCosignatureFailsWhenThePolicyRequiresIt() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, signedCheckpoint(RANDOM_37.size(), root(), W1));

        assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES)).isEqualTo(Verdict.HOLDS);
        assertThat(receipt.verify(LOG.verifier(), Optional.of(bothWitnesses())))
                .isInstanceOfSatisfying(Verdict.Fails.class, fails -> assertThat(fails.reason())
                        .startsWith("the checkpoint: ")
                        .contains("1 of 2 witnesses cosigned, 2 required"));
    }

    @Test
    void aCheckpointOfAnotherTreeFails() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        String other = signedCheckpoint(RANDOM_37.size(), Merkle.leafHash(new byte[0]));

        assertFails(new Receipt(receipt.extra(), 9, receipt.proof(), other), "leads to root");
    }

    // ---- Parsing.

    @Test
    void parsingTheTextGivesTheReceiptBack() throws IOException {
        for (long index = 0; index < RANDOM_37.size().value(); index++) {
            Receipt receipt = Receipt.prove(TILES, index, NOTE);

            assertThat(Receipt.parse(receipt.text())).isEqualTo(Parsed.ok(receipt));
        }
    }

    /** A malformed variant of a valid receipt's text, and what the reason says. */
    record Malformation(String what, String text, String reason) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Malformation> malformations() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        String valid = receipt.text();
        String extraLine = valid.lines().toList().get(1);
        String firstHash = receipt.proof().getFirst().toBase64();
        String afterProof = "\n\n" + NOTE;
        String proofLines = valid.substring(valid.indexOf("index 9\n") + "index 9\n".length(), valid.indexOf(afterProof) + 1);
        return Stream.of(
                new Malformation("empty text", "", "the first line is not c2sp.org/tlog-proof@v1"),
                new Malformation("no newline at all", Receipt.HEADER, "the first line is not"),
                new Malformation("another header", valid.replace("tlog-proof@v1", "tlog-proof@v2"), "the first line is not"),
                new Malformation("header with CR", valid.replaceFirst("\n", "\r\n"), "the first line is not"),
                new Malformation("a blank line first", "\n" + valid, "the first line is not"),
                new Malformation("CRLF line ends", valid.replace("\n", "\r\n"), "the first line is not"),
                new Malformation("extra not base64", valid.replace(extraLine, "extra !!!!"), "the extra line: not base64"),
                new Malformation("extra not canonical", valid.replace(extraLine, "extra AB=="), "the extra line: not canonical"),
                new Malformation("extra without padding", valid.replace(extraLine, "extra AA"), "the extra line: not padded"),
                new Malformation("extra with a CR", valid.replace(extraLine, extraLine + "\r"), "the extra line"),
                new Malformation("extra without its space", valid.replace("extra ", "extra"), "line 2 is neither the extra line nor the index line"),
                new Malformation("two extra lines", valid.replace(extraLine, extraLine + "\n" + extraLine), "line 3 is neither"),
                new Malformation("no index line", valid.replace("index 9\n", ""), "line 3 is neither"),
                new Malformation("index before extra", valid.replace(extraLine + "\nindex 9", "index 9\n" + extraLine), "hash 1 of the inclusion proof"),
                new Malformation("index with a leading zero", valid.replace("index 9", "index 09"), "the index is not a decimal number"),
                new Malformation("negative index", valid.replace("index 9", "index -9"), "the index is not a decimal number"),
                new Malformation("index with a plus sign", valid.replace("index 9", "index +9"), "the index is not a decimal number"),
                new Malformation("index in hex", valid.replace("index 9", "index 0x9"), "the index is not a decimal number"),
                new Malformation("index with two spaces", valid.replace("index 9", "index  9"), "the index is not a decimal number"),
                new Malformation("index with a trailing space", valid.replace("index 9", "index 9 "), "the index is not a decimal number"),
                new Malformation("empty index", valid.replace("index 9", "index "), "the index is not a decimal number"),
                new Malformation("index beyond 2^63-1", valid.replace("index 9", "index 9223372036854775808"), "the index is not a decimal number"),
                new Malformation("index outside the tree", valid.replace("index 9", "index 37"), "index 37 is not in the checkpoint's tree of size 37"),
                new Malformation("index far outside the tree", valid.replace("index 9", "index 9223372036854775807"), "is not in the checkpoint's tree"),
                new Malformation("proof hash not base64", valid.replace(firstHash, "not a hash"), "line 4, hash 1 of the inclusion proof: not base64"),
                new Malformation("proof hash of 31 bytes", valid.replace(firstHash, Canonical.base64(new byte[31])), "hash 1 of the inclusion proof: a hash is 32 bytes, base64 gave 31"),
                new Malformation("proof hash of 33 bytes", valid.replace(firstHash, Canonical.base64(new byte[33])), "a hash is 32 bytes, base64 gave 33"),
                new Malformation("proof hash in hex", valid.replace(firstHash, receipt.proof().getFirst().toHex()), "hash 1 of the inclusion proof"),
                new Malformation("proof hash with a space", valid.replace(firstHash, " " + firstHash), "hash 1 of the inclusion proof: not base64"),
                new Malformation("64 proof hashes", valid.replace(proofLines, (firstHash + "\n").repeat(64)), "more than 63 hashes"),
                new Malformation("no empty line before the checkpoint", valid.replace(afterProof, "\n" + NOTE), "hash 7 of the inclusion proof"),
                new Malformation("ends after the proof", valid.substring(0, valid.indexOf(afterProof) + 1), "no empty line before the checkpoint"),
                new Malformation("ends after the index", valid.substring(0, valid.indexOf("index 9\n") + 8), "no empty line before the checkpoint"),
                new Malformation("ends in the middle of a proof line", valid.substring(0, valid.indexOf(firstHash) + 10), "no empty line before the checkpoint"),
                new Malformation("no checkpoint", valid.substring(0, valid.indexOf(afterProof) + 2), "the checkpoint: not a signed note"),
                new Malformation("two empty lines", valid.replace(afterProof, "\n" + afterProof), "the checkpoint: the signed note is not a checkpoint: the origin line is empty"),
                new Malformation("checkpoint without signatures", valid.replace(NOTE, NOTE.substring(0, NOTE.indexOf("\n\n") + 1)), "the checkpoint: not a signed note"),
                new Malformation("checkpoint without its last newline", valid.substring(0, valid.length() - 1), "the checkpoint: not a signed note"),
                new Malformation("checkpoint with a CR", valid.replace(NOTE, NOTE.replaceFirst("\n", "\r\n")), "the checkpoint: not a signed note"),
                new Malformation("signed note that is not a checkpoint", valid.replace(NOTE, signedText("hello\n")), "the checkpoint: the signed note is not a checkpoint"),
                new Malformation("unpaired surrogate in the checkpoint", valid.replace(NOTE, "\ud800" + NOTE), "the checkpoint: not a signed note"));
    }

    @ParameterizedTest
    @MethodSource("malformations")
    void malformedTextIsMalformedWithItsReason(Malformation malformation) {
        assertThat(Receipt.parse(malformation.text()))
                .isInstanceOfSatisfying(Parsed.Malformed.class, m -> assertThat(m.reason()).contains(malformation.reason()));
    }

    // ---- Construction.

    @Test
    void aNegativeIndexCannotBeBuilt() {
        assertThatThrownBy(() -> new Receipt(Optional.empty(), -1, List.of(), NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 0");
    }

    @Test
    void anIndexOutsideTheCheckpointsTreeCannotBeBuilt() {
        assertThatThrownBy(() -> new Receipt(Optional.empty(), 37, List.of(), NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 37 is not in the checkpoint's tree of size 37");
    }

    @Test
    void aProofOfMoreThan63HashesCannotBeBuilt() {
        assertThatThrownBy(() -> new Receipt(Optional.empty(), 0, Collections.nCopies(64, root()), NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 63 hashes");
    }

    @Test
    void aNoteThatIsNoSignedCheckpointCannotBeBuilt() {
        assertThatThrownBy(() -> new Receipt(Optional.empty(), 0, List.of(), "not a note"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the checkpoint: not a signed note");
        assertThatThrownBy(() -> new Receipt(Optional.empty(), 0, List.of(), signedText("hello\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the checkpoint: the signed note is not a checkpoint");
    }

    @Test
    void proveRefusesAnIndexOutsideTheTree() {
        assertThatThrownBy(() -> Receipt.prove(TILES, 37, NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 37 is not in the checkpoint's tree of size 37");
        assertThatThrownBy(() -> Receipt.prove(TILES, -1, NOTE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proveRefusesTilesThatAreNotTheCheckpointsTree() {
        String other = signedCheckpoint(RANDOM_37.size(), Merkle.leafHash(new byte[0]));

        assertThatThrownBy(() -> Receipt.prove(TILES, 3, other))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("do not prove entry 3 in the checkpoint of size 37");
    }

    @Test
    void proveNeedsTheEntryBundle() {
        TileReader withoutBundles = new LogFixtures.MemoryTiles(
                Map.of("tile/0/000.p/37", RANDOM_37.tiles().get("tile/0/000.p/37")), NOTE);

        assertThatThrownBy(() -> Receipt.prove(withoutBundles, 3, NOTE))
                .isInstanceOf(MissingTileException.class)
                .hasMessage("tile/entries/000.p/37 is missing");
    }

    // ---- Values.

    @Test
    void receiptsAreEqualByTheBytesOfTheirExtraData() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);
        Receipt same = new Receipt(Optional.of(receipt.extra().orElseThrow().clone()), 9, receipt.proof(), NOTE);

        assertThat(same).isEqualTo(receipt).hasSameHashCodeAs(receipt);
        assertThat(new Receipt(Optional.empty(), 9, receipt.proof(), NOTE)).isNotEqualTo(receipt);
    }

    @Test
    void theExtraDataIsCopiedInAndOut() throws IOException {
        byte[] entry = RANDOM_37.entries().get(9).clone();
        Receipt receipt = new Receipt(Optional.of(entry), 9, Receipt.prove(TILES, 9, NOTE).proof(), NOTE);
        entry[0] ^= 1;
        receipt.extra().orElseThrow()[1] ^= 1;

        assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void theCheckpointIsTheOneTheNoteStates() throws IOException {
        Receipt receipt = Receipt.prove(TILES, 9, NOTE);

        assertThat(receipt.checkpoint().size()).isEqualTo(RANDOM_37.size());
        assertThat(receipt.checkpoint().root()).isEqualTo(root());
        assertThat(receipt).hasToString("Receipt[index 9 of " + LOG.name() + " at size 37, "
                + RANDOM_37.entries().get(9).length + " bytes of extra data, 6 proof hashes]");
    }

    // ---- Helpers.

    private static void assertFails(Receipt receipt, String... reasonParts) {
        assertThat(receipt.verify(LOG.verifier(), NO_WITNESSES))
                .isInstanceOfSatisfying(Verdict.Fails.class, fails -> assertThat(fails.reason()).contains(reasonParts));
    }

    private static Hash root() {
        return RANDOM_37.root(37).orElseThrow();
    }

    private static WitnessPolicy bothWitnesses() {
        return new WitnessPolicy(List.of(W1.verifier(), W2.verifier()), 2);
    }

    private static String signedText(String body) {
        return Note.sign(body, List.of(LOG));
    }

    private static String entryText(long index) {
        return "{\"entry\":" + index + "}";
    }

    private static List<byte[]> entries(int count, long first) {
        List<byte[]> entries = new ArrayList<>(count);
        for (long index = first; index < first + count; index++) {
            entries.add(entryText(index).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
