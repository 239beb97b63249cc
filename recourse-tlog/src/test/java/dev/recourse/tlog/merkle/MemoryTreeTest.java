package dev.recourse.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTreeTest {
    /** More leaves than one storage chunk holds, so growth across chunks is covered. */
    private static final int SIZE = 4100;

    private static final MemoryTree TREE = Trees.ofSize(SIZE);

    /** MTH(D[lo:hi]) straight from RFC 9162 section 2.1.1, recursively. */
    private static Hash referenceHash(List<Hash> leaves, int lo, int hi) {
        if (hi - lo == 0) {
            return Merkle.emptyRoot();
        }
        if (hi - lo == 1) {
            return leaves.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return Merkle.nodeHash(referenceHash(leaves, lo, lo + k), referenceHash(leaves, lo + k, hi));
    }

    private static List<Hash> leaves(int count) {
        List<Hash> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(Trees.leaf(i));
        }
        return leaves;
    }

    @Test
    void newTreeIsEmpty() {
        MemoryTree tree = new MemoryTree();

        assertThat(tree.size()).isEqualTo(TreeSize.ZERO);
        assertThat(tree.root()).isEqualTo(Merkle.emptyRoot());
    }

    @Test
    void appendGrowsTheTreeByOne() {
        MemoryTree tree = Trees.ofSize(3);

        tree.append(Trees.leaf(3));

        assertThat(tree.size()).isEqualTo(TreeSize.of(4));
        assertThat(tree.hash(0, 3)).isEqualTo(Trees.leaf(3));
    }

    @Test
    void rootOfEverySizeIsTheRfcTreeHash() {
        List<Hash> leaves = leaves(300);
        MemoryTree tree = new MemoryTree();
        for (int n = 0; n <= leaves.size(); n++) {
            assertThat(tree.root()).as("size %d", n).isEqualTo(referenceHash(leaves, 0, n));
            if (n < leaves.size()) {
                tree.append(leaves.get(n));
            }
        }
    }

    @Test
    void earlierRootsAreThoseTheTreeHadThen() {
        List<Hash> leaves = leaves(SIZE);

        for (int n : new int[] {0, 1, 2, 3, 4095, 4096, 4097, SIZE}) {
            assertThat(TREE.root(TreeSize.of(n))).as("size %d", n).isEqualTo(referenceHash(leaves, 0, n));
        }
    }

    @Test
    void everyCompleteSubtreeHashIsTheRfcTreeHashOfItsLeaves() {
        List<Hash> leaves = leaves(SIZE);

        for (int level = 0; (1 << level) <= SIZE; level++) {
            int width = 1 << level;
            for (int index = 0; (index + 1) * width <= SIZE; index += Math.max(1, SIZE / width / 7)) {
                assertThat(TREE.hash(level, index))
                        .as("level %d index %d", level, index)
                        .isEqualTo(referenceHash(leaves, index * width, (index + 1) * width));
            }
        }
    }

    @Test
    void incompleteSubtreeIsRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.hash(1, 2));
    }

    @Test
    void leafBeyondTheTreeIsRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.hash(0, 5));
    }

    @Test
    void levelAboveTheTreeIsRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.hash(3, 0));
    }

    @Test
    void negativeLevelOrIndexIsRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.hash(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.hash(0, -1));
    }

    @Test
    void rootOfASizeTheTreeNeverHadIsRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.root(TreeSize.of(6)));
    }

    @Test
    void proofsForASizeTheTreeNeverHadAreRejected() {
        MemoryTree tree = Trees.ofSize(5);

        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(0, TreeSize.of(6)));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(TreeSize.of(1), TreeSize.of(6)));
    }
}
