package dev.recourse.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.recourse.tlog.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofTest {
    private static final MemoryTree TREE = Trees.ofSize(7);

    @Test
    void oldLargerThanNewIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConsistencyProof(TreeSize.of(4), TreeSize.of(3), List.of()));
    }

    @Test
    void generatingFromLargerToSmallerIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Proofs.consistency(TREE, TreeSize.of(4), TreeSize.of(3)));
    }

    @Test
    void pathIsCopied() {
        List<Hash> path = new ArrayList<>(List.of(Merkle.emptyRoot()));
        ConsistencyProof proof = new ConsistencyProof(TreeSize.of(1), TreeSize.of(2), path);

        path.clear();

        assertThat(proof.path()).hasSize(1);
    }

    @Test
    void sameSizeWithEqualRootsAndEmptyPathHolds() {
        ConsistencyProof proof = TREE.consistencyProof(TreeSize.of(5), TreeSize.of(5));

        assertThat(proof.path()).isEmpty();
        assertThat(proof.verify(TREE.root(TreeSize.of(5)), TREE.root(TreeSize.of(5)))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void sameSizeWithDifferentRootsFails() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.of(5), TreeSize.of(5), List.of());

        assertThat(proof.verify(TREE.root(TreeSize.of(5)), TREE.root(TreeSize.of(6)))).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void sameSizeWithAPathFails() {
        Hash root = TREE.root(TreeSize.of(5));
        ConsistencyProof proof = new ConsistencyProof(TreeSize.of(5), TreeSize.of(5), List.of(root));

        assertThat(proof.verify(root, root)).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void fromTheEmptyTreeTheEmptyPathHolds() {
        ConsistencyProof proof = TREE.consistencyProof(TreeSize.ZERO, TreeSize.of(7));

        assertThat(proof.path()).isEmpty();
        assertThat(proof.verify(Merkle.emptyRoot(), TREE.root())).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void fromTheEmptyTreeAnyNewRootHolds() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.ZERO, TreeSize.of(7), List.of());

        assertThat(proof.verify(Merkle.emptyRoot(), TREE.root(TreeSize.of(3)))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void fromTheEmptyTreeAPathFails() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.ZERO, TreeSize.of(7), List.of(TREE.root()));

        assertThat(proof.verify(Merkle.emptyRoot(), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void fromTheEmptyTreeAnOldRootOtherThanTheEmptyRootFails() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.ZERO, TreeSize.of(7), List.of());

        assertThat(proof.verify(TREE.root(TreeSize.of(1)), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void betweenTwoEmptyTreesOnlyTheEmptyRootHolds() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.ZERO, TreeSize.ZERO, List.of());

        assertThat(proof.verify(Merkle.emptyRoot(), Merkle.emptyRoot())).isEqualTo(Verdict.HOLDS);
        assertThat(proof.verify(Merkle.emptyRoot(), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void emptyPathBetweenDifferentSizesFails() {
        ConsistencyProof proof = new ConsistencyProof(TreeSize.of(4), TreeSize.of(7), List.of());

        assertThat(proof.verify(TREE.root(TreeSize.of(4)), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void swappedRootsFail() {
        ConsistencyProof proof = TREE.consistencyProof(TreeSize.of(3), TreeSize.of(7));

        assertThat(proof.verify(TREE.root(), TREE.root(TreeSize.of(3)))).isInstanceOf(Verdict.Fails.class);
    }
}
