package dev.recourse.tlog.receipt;

import static dev.recourse.tlog.receipt.LogFixtures.LOG;
import static dev.recourse.tlog.receipt.LogFixtures.W1;
import static dev.recourse.tlog.receipt.LogFixtures.signedCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Mutations;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.tile.TileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Receipts read from untrusted text never throw, never verify with a changed meaning, and round-trip. */
class ReceiptProperties {
    private static final TestVectors.Log RANDOM_37 = TestVectors.small().log("random-37");
    private static final TileReader TILES = LogFixtures.tiles(RANDOM_37);
    private static final Hash ROOT = RANDOM_37.root(37).orElseThrow();
    private static final List<String> NOTES = List.of(
            signedCheckpoint(RANDOM_37.size(), ROOT), signedCheckpoint(RANDOM_37.size(), ROOT, W1));
    private static final Optional<WitnessPolicy> W1_REQUIRED = Optional.of(new WitnessPolicy(List.of(W1.verifier()), 1));

    @Property(tries = 500)
    void parsingArbitraryTextNeverThrows(@ForAll("arbitraryText") String text) {
        assertThat(Receipt.parse(text)).isNotNull();
    }

    @Property(tries = 500)
    void aMutatedReceiptNeverVerifiesWithAnotherMeaning(
            @ForAll("validReceipts") Receipt original, @ForAll("edits") List<Mutations.Edit> edits) {
        String text = Mutations.apply(original.text(), edits);
        Parsed<Receipt> parsed = Receipt.parse(text);

        if (parsed instanceof Parsed.Ok<Receipt>(Receipt mutated)) {
            assertThat(mutated.text()).as("one spelling per receipt").isEqualTo(text);
            for (Optional<WitnessPolicy> policy : List.of(Optional.<WitnessPolicy>empty(), W1_REQUIRED)) {
                if (mutated.verify(LOG.verifier(), policy) instanceof Verdict.Holds) {
                    assertThat(mutated.index()).isEqualTo(original.index());
                    assertThat(mutated.extra().orElseThrow()).isEqualTo(original.extra().orElseThrow());
                    assertThat(mutated.checkpoint()).isEqualTo(original.checkpoint());
                    assertThat(mutated.proof()).isEqualTo(original.proof());
                }
            }
        }
    }

    @Property(tries = 300)
    void parsingTheTextGivesTheReceiptBack(@ForAll("arbitraryReceipts") Receipt receipt) {
        assertThat(Receipt.parse(receipt.text())).isEqualTo(Parsed.ok(receipt));
    }

    // ---- Generators.

    @Provide
    Arbitrary<List<Mutations.Edit>> edits() {
        return Mutations.editLists();
    }

    @Provide
    Arbitrary<String> arbitraryText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("\n extraindx0123456789+/=A\u2014").ofMaxLength(60),
                Mutations.pieces().list().ofMaxSize(12).map(pieces -> String.join("", pieces)),
                Mutations.of(Arbitraries.just(Receipt.HEADER + "\nindex 0\n\n" + NOTES.getFirst())));
    }

    @Provide
    Arbitrary<Receipt> validReceipts() {
        return Combinators.combine(Arbitraries.longs().between(0, 36), Arbitraries.of(NOTES)).as((index, note) -> {
            try {
                return Receipt.prove(TILES, index, note);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Provide
    Arbitrary<Receipt> arbitraryReceipts() {
        Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::of);
        Arbitrary<Long> sizes = Arbitraries.oneOf(Arbitraries.longs().between(1, 1000), Arbitraries.longs().greaterOrEqual(1));
        return Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).optional(),
                        sizes,
                        Arbitraries.doubles().between(0, 1),
                        hashes.list().ofMaxSize(Receipt.MAX_PROOF_HASHES),
                        hashes)
                .as((extra, size, where, proof, root) -> new Receipt(extra, Math.min(size - 1, (long) (where * size)), proof,
                        signedCheckpoint(TreeSize.of(size), root)));
    }
}
