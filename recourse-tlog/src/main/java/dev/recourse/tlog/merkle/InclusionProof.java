package dev.recourse.tlog.merkle;

import dev.recourse.tlog.Verdict;
import java.util.List;

/**
 * An inclusion proof (RFC 9162 section 2.1.3): the hashes that link the leaf at {@code index} to the root of
 * the tree of {@code treeSize} leaves, ordered from the leaf's sibling upwards.
 *
 * <p>A proof for an index outside its tree cannot be built. Any path can: whether it proves anything is
 * decided by {@link #verify}.
 *
 * @param index the leaf's position, {@code 0 <= index < treeSize}
 * @param treeSize the size of the tree the proof is for
 * @param path the audit path, from the bottom of the tree to the top; copied
 */
public record InclusionProof(long index, TreeSize treeSize, List<Hash> path) {
    public InclusionProof {
        if (!treeSize.contains(index)) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + treeSize);
        }
        path = List.copyOf(path);
    }

    /**
     * Checks that the leaf with {@code leafHash} is at {@link #index} of the tree of {@link #treeSize} whose root
     * is {@code root}, following RFC 9162 section 2.1.3.2 step by step.
     */
    public Verdict verify(Hash leafHash, Hash root) {
        // Step 1 (leaf_index < tree_size) holds by construction.
        // Step 2.
        long fn = index;
        long sn = treeSize.value() - 1;
        // Step 3.
        Hash r = leafHash;
        // Step 4.
        for (Hash p : path) {
            // 4a: the path is longer than the tree is high.
            if (sn == 0) {
                return Verdict.fails("inclusion proof for leaf " + index + " of " + treeSize
                        + " has " + path.size() + " hashes, more than the tree needs");
            }
            // 4b.
            if ((fn & 1) == 1 || fn == sn) {
                r = Merkle.nodeHash(p, r);
                // ... and if LSB(fn) is not set, shift until it is or fn is 0.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Merkle.nodeHash(r, p);
            }
            // 4c.
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        if (sn != 0) {
            return Verdict.fails("inclusion proof for leaf " + index + " of " + treeSize
                    + " has " + path.size() + " hashes, fewer than the tree needs");
        }
        if (!r.equals(root)) {
            return Verdict.fails("inclusion proof for leaf " + index + " of " + treeSize
                    + " leads to root " + r + ", not " + root);
        }
        return Verdict.HOLDS;
    }
}
