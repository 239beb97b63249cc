package dev.recourse.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hashing, roots and proofs against the vectors of the Go reference implementation. */
class VectorsTest {
    static Stream<TestVectors.Log> logs() {
        return TestVectors.allLogs();
    }

    private static MemoryTree treeOf(TestVectors.Log log) {
        MemoryTree tree = new MemoryTree();
        log.leafHashes().forEach(tree::append);
        return tree;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void leafHashesAreThoseOfTheEntries(TestVectors.Log log) {
        List<Hash> computed = log.entries().stream().map(Merkle::leafHash).toList();

        assertThat(computed).isEqualTo(log.leafHashes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void rootsOfEveryGivenSizeMatch(TestVectors.Log log) throws IOException {
        MemoryTree tree = treeOf(log);

        for (TreeSize size : log.sizesWithRoots()) {
            Hash expected = log.root(size.value()).orElseThrow();
            assertThat(tree.root(size)).as("root of size %s", size).isEqualTo(expected);
            assertThat(Proofs.root(tree, size)).as("root of size %s", size).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void generatedInclusionProofsAreTheReferenceOnes(TestVectors.Log log) throws IOException {
        MemoryTree tree = treeOf(log);

        for (TestVectors.Inclusion vector : log.inclusion()) {
            assertThat(Proofs.inclusion(tree, vector.index(), vector.treeSize()))
                    .as("leaf %d of %s", vector.index(), vector.treeSize())
                    .isEqualTo(vector.toProof());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void referenceInclusionProofsVerify(TestVectors.Log log) {
        MemoryTree tree = treeOf(log);

        for (TestVectors.Inclusion vector : log.inclusion()) {
            Hash leaf = log.leafHashes().get(Math.toIntExact(vector.index()));
            assertThat(vector.toProof().verify(leaf, tree.root(vector.treeSize())))
                    .as("leaf %d of %s", vector.index(), vector.treeSize())
                    .isEqualTo(Verdict.HOLDS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void generatedConsistencyProofsAreTheReferenceOnes(TestVectors.Log log) throws IOException {
        MemoryTree tree = treeOf(log);

        for (TestVectors.Consistency vector : log.consistency()) {
            assertThat(Proofs.consistency(tree, vector.oldSize(), vector.newSize()))
                    .as("from %s to %s", vector.oldSize(), vector.newSize())
                    .isEqualTo(vector.toProof());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void referenceConsistencyProofsVerify(TestVectors.Log log) {
        MemoryTree tree = treeOf(log);

        for (TestVectors.Consistency vector : log.consistency()) {
            assertThat(vector.toProof().verify(tree.root(vector.oldSize()), tree.root(vector.newSize())))
                    .as("from %s to %s", vector.oldSize(), vector.newSize())
                    .isEqualTo(Verdict.HOLDS);
        }
    }

    @Test
    void rootOfTheRfc6962ReferenceLeavesIsTheRfcOne() {
        MemoryTree tree = new MemoryTree();
        for (byte[] entry : TestVectors.small().log("rfc6962-8-leaves").entries()) {
            tree.append(Merkle.leafHash(entry));
        }

        assertThat(tree.root())
                .isEqualTo(Hash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    }

    @Test
    void theVectorsCoverTheLogsThisTestExpects() {
        List<String> names = new ArrayList<>();
        logs().forEach(log -> names.add(log.name()));

        assertThat(names).containsExactly("rfc6962-8-leaves", "random-37", "json-70000");
        assertThat(TestVectors.large().log("json-70000").inclusion()).hasSizeGreaterThan(400);
        assertThat(TestVectors.large().log("json-70000").consistency()).hasSizeGreaterThan(400);
    }
}
