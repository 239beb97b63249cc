package dev.recourse.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Generated proofs verify, and any change to a proof or its claim makes it fail. */
class ProofPropertiesTest {
    private static final int MAX_SIZE = 3000;
    private static final int TRIES = 300;
    private static final MemoryTree TREE = Trees.ofSize(MAX_SIZE);

    record Leaf(long index, TreeSize size) {}

    record Sizes(TreeSize oldSize, TreeSize newSize) {}

    @Provide
    Arbitrary<Leaf> leaves() {
        return Arbitraries.longs().between(1, MAX_SIZE)
                .flatMap(size -> Arbitraries.longs().between(0, size - 1).map(i -> new Leaf(i, TreeSize.of(size))));
    }

    @Provide
    Arbitrary<Sizes> sizePairs() {
        return Arbitraries.longs().between(0, MAX_SIZE)
                .flatMap(n -> Arbitraries.longs().between(0, n).map(m -> new Sizes(TreeSize.of(m), TreeSize.of(n))));
    }

    @Provide
    Arbitrary<Hash> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::of);
    }

    private static InclusionProof proofOf(Leaf leaf) {
        return TREE.inclusionProof(leaf.index(), leaf.size());
    }

    private static Verdict verify(InclusionProof proof) {
        return proof.verify(TREE.hash(0, proof.index()), TREE.root(proof.treeSize()));
    }

    private static ConsistencyProof proofOf(Sizes sizes) {
        return TREE.consistencyProof(sizes.oldSize(), sizes.newSize());
    }

    private static Verdict verify(ConsistencyProof proof) {
        return proof.verify(TREE.root(proof.oldSize()), TREE.root(proof.newSize()));
    }

    /** The path with one bit of one hash flipped. */
    private static List<Hash> altered(List<Hash> path, int position, int bit) {
        List<Hash> changed = new ArrayList<>(path);
        int at = position % path.size();
        byte[] bytes = path.get(at).bytes();
        bytes[(bit / 8) % Hash.SIZE] ^= (byte) (1 << (bit % 8));
        changed.set(at, Hash.of(bytes));
        return changed;
    }

    private static List<Hash> extended(List<Hash> path, Hash extra) {
        List<Hash> longer = new ArrayList<>(path);
        longer.add(extra);
        return longer;
    }

    // Inclusion.

    @Test
    void everyInclusionProofOfSmallTreesVerifies() {
        for (long size = 1; size <= 70; size++) {
            for (long index = 0; index < size; index++) {
                assertThat(verify(proofOf(new Leaf(index, TreeSize.of(size))))).isEqualTo(Verdict.HOLDS);
            }
        }
    }

    @Property(tries = TRIES)
    void generatedInclusionProofVerifies(@ForAll("leaves") Leaf leaf) {
        assertThat(verify(proofOf(leaf))).isEqualTo(Verdict.HOLDS);
    }

    @Property(tries = TRIES)
    void inclusionProofWithAnAlteredHashFails(
            @ForAll("leaves") Leaf leaf, @ForAll @IntRange(min = 0, max = 63) int position,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        InclusionProof proof = proofOf(leaf);
        Assume.that(!proof.path().isEmpty());

        InclusionProof changed = new InclusionProof(leaf.index(), leaf.size(), altered(proof.path(), position, bit));

        assertThat(verify(changed)).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void truncatedInclusionProofFails(@ForAll("leaves") Leaf leaf, @ForAll @IntRange(min = 0, max = 63) int keep) {
        InclusionProof proof = proofOf(leaf);
        Assume.that(!proof.path().isEmpty());

        List<Hash> prefix = proof.path().subList(0, keep % proof.path().size());

        assertThat(verify(new InclusionProof(leaf.index(), leaf.size(), prefix))).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void extendedInclusionProofFails(@ForAll("leaves") Leaf leaf, @ForAll("hashes") Hash extra) {
        InclusionProof proof = proofOf(leaf);

        for (Hash added : List.of(extra, TREE.root(leaf.size()), TREE.hash(0, leaf.index()))) {
            InclusionProof longer = new InclusionProof(leaf.index(), leaf.size(), extended(proof.path(), added));
            assertThat(verify(longer)).isInstanceOf(Verdict.Fails.class);
        }
    }

    @Property(tries = TRIES)
    void inclusionProofForAnotherIndexFails(@ForAll("leaves") Leaf leaf, @ForAll("leaves") Leaf other) {
        long wrongIndex = other.index() % leaf.size().value();
        Assume.that(wrongIndex != leaf.index());
        InclusionProof proof = proofOf(leaf);

        InclusionProof moved = new InclusionProof(wrongIndex, leaf.size(), proof.path());

        assertThat(moved.verify(TREE.hash(0, leaf.index()), TREE.root(leaf.size()))).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void inclusionProofForAnotherTreeSizeFails(@ForAll("leaves") Leaf leaf, @ForAll("leaves") Leaf other) {
        TreeSize wrongSize = other.size();
        Assume.that(wrongSize.contains(leaf.index()) && !wrongSize.equals(leaf.size()));
        InclusionProof proof = proofOf(leaf);

        InclusionProof resized = new InclusionProof(leaf.index(), wrongSize, proof.path());

        assertThat(verify(resized)).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void inclusionProofAgainstAnotherRootFails(@ForAll("leaves") Leaf leaf, @ForAll("hashes") Hash root) {
        assertThat(proofOf(leaf).verify(TREE.hash(0, leaf.index()), root)).isInstanceOf(Verdict.Fails.class);
    }

    // Consistency.

    @Test
    void everyConsistencyProofOfSmallTreesVerifies() {
        for (long n = 0; n <= 70; n++) {
            for (long m = 0; m <= n; m++) {
                assertThat(verify(proofOf(new Sizes(TreeSize.of(m), TreeSize.of(n))))).isEqualTo(Verdict.HOLDS);
            }
        }
    }

    @Property(tries = TRIES)
    void generatedConsistencyProofVerifies(@ForAll("sizePairs") Sizes sizes) {
        assertThat(verify(proofOf(sizes))).isEqualTo(Verdict.HOLDS);
    }

    @Property(tries = TRIES)
    void consistencyProofWithAnAlteredHashFails(
            @ForAll("sizePairs") Sizes sizes, @ForAll @IntRange(min = 0, max = 127) int position,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        ConsistencyProof proof = proofOf(sizes);
        Assume.that(!proof.path().isEmpty());

        ConsistencyProof changed = new ConsistencyProof(
                sizes.oldSize(), sizes.newSize(), altered(proof.path(), position, bit));

        assertThat(verify(changed)).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void truncatedConsistencyProofFails(@ForAll("sizePairs") Sizes sizes, @ForAll @IntRange(min = 0, max = 127) int keep) {
        ConsistencyProof proof = proofOf(sizes);
        Assume.that(!proof.path().isEmpty());

        List<Hash> prefix = proof.path().subList(0, keep % proof.path().size());

        assertThat(verify(new ConsistencyProof(sizes.oldSize(), sizes.newSize(), prefix)))
                .isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void extendedConsistencyProofFails(@ForAll("sizePairs") Sizes sizes, @ForAll("hashes") Hash extra) {
        ConsistencyProof proof = proofOf(sizes);

        for (Hash added : List.of(extra, TREE.root(sizes.oldSize()), TREE.root(sizes.newSize()))) {
            ConsistencyProof longer = new ConsistencyProof(sizes.oldSize(), sizes.newSize(), extended(proof.path(), added));
            assertThat(verify(longer)).isInstanceOf(Verdict.Fails.class);
        }
    }

    @Property(tries = TRIES)
    void consistencyProofWithSwappedRootsFails(@ForAll("sizePairs") Sizes sizes) {
        Assume.that(!sizes.oldSize().equals(sizes.newSize()));

        Verdict verdict = proofOf(sizes).verify(TREE.root(sizes.newSize()), TREE.root(sizes.oldSize()));

        assertThat(verdict).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void consistencyProofForAnotherOldSizeFails(@ForAll("sizePairs") Sizes sizes, @ForAll("sizePairs") Sizes other) {
        ConsistencyProof proof = proofOf(sizes);
        // An empty path proves both "from the empty tree" and "to the same size": it has nothing to misplace.
        Assume.that(!proof.path().isEmpty());
        TreeSize wrongOld = TreeSize.of(other.oldSize().value() % (sizes.newSize().value() + 1));
        Assume.that(!wrongOld.equals(sizes.oldSize()));

        ConsistencyProof moved = new ConsistencyProof(wrongOld, sizes.newSize(), proof.path());

        assertThat(verify(moved)).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void consistencyProofForAnotherNewSizeFails(@ForAll("sizePairs") Sizes sizes, @ForAll("sizePairs") Sizes other) {
        ConsistencyProof proof = proofOf(sizes);
        Assume.that(!proof.path().isEmpty());
        TreeSize wrongNew = other.newSize();
        Assume.that(wrongNew.compareTo(sizes.oldSize()) >= 0 && !wrongNew.equals(sizes.newSize()));

        ConsistencyProof moved = new ConsistencyProof(sizes.oldSize(), wrongNew, proof.path());

        assertThat(verify(moved)).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void consistencyProofAgainstAnotherOldRootFails(@ForAll("sizePairs") Sizes sizes, @ForAll("hashes") Hash root) {
        ConsistencyProof proof = proofOf(sizes);

        assertThat(proof.verify(root, TREE.root(sizes.newSize()))).isInstanceOf(Verdict.Fails.class);
    }

    @Property(tries = TRIES)
    void consistencyProofAgainstAnotherNewRootFails(@ForAll("sizePairs") Sizes sizes, @ForAll("hashes") Hash root) {
        // Every tree extends the empty one: that proof says nothing of the new root.
        Assume.that(sizes.oldSize().value() > 0);
        ConsistencyProof proof = proofOf(sizes);

        assertThat(proof.verify(TREE.root(sizes.oldSize()), root)).isInstanceOf(Verdict.Fails.class);
    }

    // The source contract.

    /** Fails the test if asked for a subtree that is not complete in the tree of {@code size}. */
    private static HashSource completeSubtreesOf(TreeSize size) {
        return (level, index) -> {
            assertThat((index + 1) << level)
                    .as("subtree at level %d index %d of a tree of size %s", level, index, size)
                    .isLessThanOrEqualTo(size.value());
            return TREE.hash(level, index);
        };
    }

    @Property(tries = TRIES)
    void proofsAskOnlyForCompleteSubtrees(@ForAll("leaves") Leaf leaf, @ForAll("sizePairs") Sizes sizes)
            throws IOException {
        Proofs.root(completeSubtreesOf(leaf.size()), leaf.size());
        Proofs.inclusion(completeSubtreesOf(leaf.size()), leaf.index(), leaf.size());
        Proofs.consistency(completeSubtreesOf(sizes.newSize()), sizes.oldSize(), sizes.newSize());
    }

    @Property(tries = TRIES)
    void memoryTreeProofsAreThoseOfProofs(@ForAll("leaves") Leaf leaf, @ForAll("sizePairs") Sizes sizes)
            throws IOException {
        assertThat(TREE.inclusionProof(leaf.index(), leaf.size()))
                .isEqualTo(Proofs.inclusion(TREE, leaf.index(), leaf.size()));
        assertThat(TREE.consistencyProof(sizes.oldSize(), sizes.newSize()))
                .isEqualTo(Proofs.consistency(TREE, sizes.oldSize(), sizes.newSize()));
    }
}
