package dev.recourse.tlog.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree held in memory, keeping the hash of every complete subtree.
 *
 * <p>Appending a leaf hashes the subtrees it completes, one {@link Merkle#nodeHash} per level on average, so a
 * tree of n leaves holds about 2n hashes (64 bytes a leaf). Roots and proofs of this tree or of any earlier size
 * come from {@link Proofs}, with this tree as their {@link HashSource}.
 *
 * <p>Not safe for concurrent use: callers MUST confine an instance to one thread or synchronise around it.
 */
public final class MemoryTree implements HashSource {
    /** Hashes per chunk: chunks keep growth cheap and no array near the JVM's size limit. */
    private static final int CHUNK_HASHES = 1 << 12;
    private static final int CHUNK_BYTES = CHUNK_HASHES * Hash.SIZE;

    /** {@code levels.get(L)} holds the hashes of the complete subtrees at level L, in index order. */
    private final List<Level> levels = new ArrayList<>();
    private long size;

    /** An empty tree. */
    public MemoryTree() {
        levels.add(new Level());
    }

    /** Appends one leaf, given by its {@linkplain Merkle#leafHash leaf hash}. */
    public void append(Hash leafHash) {
        levels.getFirst().add(leafHash.bytesUnsafe());
        size++;
        // The new leaf completes one subtree on each level where the count of subtrees below becomes even.
        int level = 0;
        long count = size;
        while ((count & 1) == 0) {
            Level below = levels.get(level);
            if (levels.size() == level + 1) {
                levels.add(new Level());
            }
            levels.get(level + 1).add(below.nodeHashOfLastPair());
            level++;
            count >>>= 1;
        }
    }

    /** The number of leaves appended so far. */
    public TreeSize size() {
        return TreeSize.of(size);
    }

    /** The root of the whole tree. */
    public Hash root() {
        return root(size());
    }

    /**
     * The root the tree had when it had {@code earlier} leaves.
     *
     * @throws IllegalArgumentException if {@code earlier} is larger than the tree
     */
    public Hash root(TreeSize earlier) {
        requireHad(earlier);
        return inMemory(() -> Proofs.root(this, earlier));
    }

    /**
     * The inclusion proof of the leaf at {@code index} in the tree as it was at {@code size} leaves.
     *
     * @throws IllegalArgumentException if {@code size} is larger than the tree or {@code index} is not in it
     */
    public InclusionProof inclusionProof(long index, TreeSize size) {
        requireHad(size);
        return inMemory(() -> Proofs.inclusion(this, index, size));
    }

    /**
     * The consistency proof from the tree as it was at {@code oldSize} leaves to the tree at {@code newSize}.
     *
     * @throws IllegalArgumentException if {@code newSize} is larger than the tree or smaller than {@code oldSize}
     */
    public ConsistencyProof consistencyProof(TreeSize oldSize, TreeSize newSize) {
        requireHad(newSize);
        return inMemory(() -> Proofs.consistency(this, oldSize, newSize));
    }

    /**
     * The hash of the complete subtree at {@code level}, {@code index}.
     *
     * @throws IllegalArgumentException if that subtree is not complete in this tree
     */
    @Override
    public Hash hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).count) {
            throw new IllegalArgumentException("the tree of size " + size + " has no complete subtree at level "
                    + level + ", index " + index);
        }
        return levels.get(level).get(index);
    }

    private void requireHad(TreeSize earlier) {
        if (earlier.value() > size) {
            throw new IllegalArgumentException("the tree has " + size + " leaves, it never had " + earlier);
        }
    }

    /** A computation over this tree, which reads memory only. */
    @FunctionalInterface
    private interface Computation<T> {
        T run() throws IOException;
    }

    private static <T> T inMemory(Computation<T> computation) {
        try {
            return computation.run();
        } catch (IOException e) {
            throw new AssertionError("a tree in memory does no I/O", e);
        }
    }

    /** The hashes of one level, 32 bytes each, in chunks. */
    private static final class Level {
        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        void add(byte[] hash) {
            int within = (int) (count % CHUNK_HASHES);
            if (within == 0) {
                chunks.add(new byte[CHUNK_BYTES]);
            }
            System.arraycopy(hash, 0, chunks.getLast(), within * Hash.SIZE, Hash.SIZE);
            count++;
        }

        Hash get(long index) {
            return Hash.of(chunks.get((int) (index / CHUNK_HASHES)), (int) (index % CHUNK_HASHES) * Hash.SIZE);
        }

        /** The node hash of the last two hashes on this level; {@code count} is even. */
        byte[] nodeHashOfLastPair() {
            return Merkle.nodeHash(get(count - 2), get(count - 1)).bytesUnsafe();
        }
    }
}
