package dev.recourse.bench;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.ConsistencyProof;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.InclusionProof;
import dev.recourse.tlog.merkle.MemoryTree;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.merkle.TreeSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hashing and proofs of the log's Merkle tree: a leaf hash of a 256-byte entry, a node hash, appending to a
 * {@link MemoryTree}, and proofs in a tree of 1,000,000 leaves.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar MerkleBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MerkleBenchmark {
    /** The size of the tree the proofs are taken in. */
    static final long TREE_SIZE = 1_000_000;

    /** How many precomputed cases each proof benchmark cycles through; a power of two. */
    private static final int CASES = 1 << 10;

    /** Fixed seed: every run measures the same indexes and sizes. */
    private static final long SEED = 0x5eed_6962L;

    static Hash leaf(long index) {
        return Merkle.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
    }

    /** One 256-byte entry and two hashes. */
    @State(Scope.Thread)
    public static class Inputs {
        byte[] entry;
        Hash left;
        Hash right;

        @Setup
        public void setUp() {
            entry = new byte[256];
            new SplittableRandom(SEED).nextBytes(entry);
            left = leaf(0);
            right = leaf(1);
        }
    }

    /** A tree that starts empty at every iteration and grows by one leaf per call. */
    @State(Scope.Thread)
    public static class Growing {
        MemoryTree tree;
        Hash leaf;

        @Setup(Level.Iteration)
        public void setUp() {
            tree = new MemoryTree();
            leaf = leaf(42);
        }
    }

    /** A tree of {@link #TREE_SIZE} leaves with proofs prepared for random leaves and earlier sizes. */
    @State(Scope.Benchmark)
    public static class Million {
        MemoryTree tree;
        TreeSize size;
        Hash root;
        long[] indexes = new long[CASES];
        Hash[] leafHashes = new Hash[CASES];
        InclusionProof[] inclusion = new InclusionProof[CASES];
        ConsistencyProof[] consistency = new ConsistencyProof[CASES];
        Hash[] oldRoots = new Hash[CASES];

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            tree = new MemoryTree();
            for (long i = 0; i < TREE_SIZE; i++) {
                tree.append(leaf(i));
            }
            size = tree.size();
            root = tree.root();
            SplittableRandom random = new SplittableRandom(SEED);
            for (int c = 0; c < CASES; c++) {
                indexes[c] = random.nextLong(TREE_SIZE);
                leafHashes[c] = tree.hash(0, indexes[c]);
                inclusion[c] = Proofs.inclusion(tree, indexes[c], size);
                TreeSize oldSize = TreeSize.of(1 + random.nextLong(TREE_SIZE - 1));
                consistency[c] = Proofs.consistency(tree, oldSize, size);
                oldRoots[c] = tree.root(oldSize);
            }
        }
    }

    /** Which prepared case a call uses; cycles so that every call takes another one. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (CASES - 1);
            return next;
        }
    }

    @Benchmark
    public Hash leafHashOf256Bytes(Inputs in) {
        return Merkle.leafHash(in.entry);
    }

    @Benchmark
    public Hash nodeHash(Inputs in) {
        return Merkle.nodeHash(in.left, in.right);
    }

    @Benchmark
    public MemoryTree memoryTreeAppend(Growing growing) {
        growing.tree.append(growing.leaf);
        return growing.tree;
    }

    @Benchmark
    public InclusionProof inclusionProofOfAMillion(Million million, Cursor cursor) throws IOException {
        return Proofs.inclusion(million.tree, million.indexes[cursor.advance()], million.size);
    }

    @Benchmark
    public Verdict inclusionProofVerifyOfAMillion(Million million, Cursor cursor) {
        int c = cursor.advance();
        return million.inclusion[c].verify(million.leafHashes[c], million.root);
    }

    @Benchmark
    public Verdict inclusionProofGenerateAndVerifyOfAMillion(Million million, Cursor cursor) throws IOException {
        int c = cursor.advance();
        return Proofs.inclusion(million.tree, million.indexes[c], million.size).verify(million.leafHashes[c], million.root);
    }

    @Benchmark
    public ConsistencyProof consistencyProofOfAMillion(Million million, Cursor cursor) throws IOException {
        return Proofs.consistency(million.tree, million.consistency[cursor.advance()].oldSize(), million.size);
    }

    @Benchmark
    public Verdict consistencyProofVerifyOfAMillion(Million million, Cursor cursor) {
        int c = cursor.advance();
        return million.consistency[c].verify(million.oldRoots[c], million.root);
    }
}
