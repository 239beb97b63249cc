package dev.recourse.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.recourse.tlog.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofTest {
    private static final MemoryTree TREE = Trees.ofSize(5);

    @Test
    void indexEqualToTheSizeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InclusionProof(5, TreeSize.of(5), List.of()));
    }

    @Test
    void negativeIndexIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InclusionProof(-1, TreeSize.of(5), List.of()));
    }

    @Test
    void noIndexIsInTheEmptyTree() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InclusionProof(0, TreeSize.ZERO, List.of()));
    }

    @Test
    void generatingForAnIndexOutsideTheTreeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Proofs.inclusion(TREE, 5, TreeSize.of(5)));
    }

    @Test
    void pathIsCopied() {
        List<Hash> path = new ArrayList<>(List.of(Merkle.emptyRoot()));
        InclusionProof proof = new InclusionProof(0, TreeSize.of(2), path);

        path.clear();

        assertThat(proof.path()).hasSize(1);
    }

    @Test
    void singleLeafTreeNeedsNoPath() {
        InclusionProof proof = new InclusionProof(0, TreeSize.of(1), List.of());

        assertThat(proof.verify(TREE.hash(0, 0), TREE.root(TreeSize.of(1)))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void emptyPathInALargerTreeFails() {
        InclusionProof proof = new InclusionProof(4, TreeSize.of(5), List.of());

        assertThat(proof.verify(TREE.hash(0, 4), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void pathLongerThanTheTreeIsHighFails() {
        InclusionProof good = TREE.inclusionProof(4, TreeSize.of(5));
        List<Hash> longer = new ArrayList<>(good.path());
        longer.add(Merkle.emptyRoot());

        Verdict verdict = new InclusionProof(4, TreeSize.of(5), longer).verify(TREE.hash(0, 4), TREE.root());

        assertThat(verdict).isInstanceOf(Verdict.Fails.class);
        assertThat(((Verdict.Fails) verdict).reason()).contains("more than the tree needs");
    }

    @Test
    void wrongLeafFails() {
        InclusionProof proof = TREE.inclusionProof(2, TreeSize.of(5));

        assertThat(proof.verify(TREE.hash(0, 3), TREE.root())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void wrongRootFails() {
        InclusionProof proof = TREE.inclusionProof(2, TreeSize.of(5));

        assertThat(proof.verify(TREE.hash(0, 2), TREE.root(TreeSize.of(4)))).isInstanceOf(Verdict.Fails.class);
    }
}
