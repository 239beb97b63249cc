package dev.recourse.tlog.merkle;

import dev.recourse.tlog.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * A consistency proof (RFC 9162 section 2.1.4): the hashes that show the tree of {@code newSize} leaves
 * extends the tree of {@code oldSize} leaves without changing any of them.
 *
 * <p>Two cases have nothing to prove and so take the empty path: equal sizes (the roots must then be equal),
 * and an empty old tree (its root must be {@link Merkle#emptyRoot()}; every tree extends it). RFC 9162 defines
 * {@code PROOF(m, D[n])} and its verification for {@code 0 < m < n}; the Go reference refuses to make or check
 * a proof from size 0, and the vectors hold none, so the empty-old-tree rule here is this project's choice: it
 * accepts exactly the empty path and the empty tree's root, and nothing else.
 *
 * @param oldSize the size of the earlier tree
 * @param newSize the size of the later tree, at least {@code oldSize}
 * @param path the consistency path as RFC 9162 section 2.1.4.1 orders it; copied
 */
public record ConsistencyProof(TreeSize oldSize, TreeSize newSize, List<Hash> path) {
    public ConsistencyProof {
        if (oldSize.compareTo(newSize) > 0) {
            throw new IllegalArgumentException("a consistency proof goes from a smaller tree to a larger one, not from "
                    + oldSize + " to " + newSize);
        }
        path = List.copyOf(path);
    }

    /**
     * Checks that the tree of {@link #oldSize} with root {@code oldRoot} is a prefix of the tree of
     * {@link #newSize} with root {@code newRoot}, following RFC 9162 section 2.1.4.2 step by step.
     *
     * <p>From the empty tree to a non-empty one there is nothing to check {@code newRoot} against: the verdict
     * then speaks only of the empty path and {@code oldRoot}, and the caller MUST establish {@code newRoot}
     * otherwise (a signed checkpoint).
     */
    public Verdict verify(Hash oldRoot, Hash newRoot) {
        long first = oldSize.value();
        long second = newSize.value();
        if (first == 0) {
            return verifyFromEmpty(oldRoot, newRoot);
        }
        if (first == second) {
            return verifySameSize(oldRoot, newRoot);
        }
        // Step 1.
        if (path.isEmpty()) {
            return Verdict.fails("consistency proof from " + oldSize + " to " + newSize + " is empty");
        }
        // Step 2.
        List<Hash> consistencyPath = path;
        if (Long.bitCount(first) == 1) {
            consistencyPath = new ArrayList<>(path.size() + 1);
            consistencyPath.add(oldRoot);
            consistencyPath.addAll(path);
        }
        // Step 3.
        long fn = first - 1;
        long sn = second - 1;
        // Step 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        Hash fr = consistencyPath.getFirst();
        Hash sr = consistencyPath.getFirst();
        // Step 6.
        for (Hash c : consistencyPath.subList(1, consistencyPath.size())) {
            // 6a: the path is longer than the trees need.
            if (sn == 0) {
                return Verdict.fails("consistency proof from " + oldSize + " to " + newSize + " has "
                        + path.size() + " hashes, more than the trees need");
            }
            // 6b.
            if ((fn & 1) == 1 || fn == sn) {
                fr = Merkle.nodeHash(c, fr);
                sr = Merkle.nodeHash(c, sr);
                // ... and if LSB(fn) is not set, shift until it is or fn is 0.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Merkle.nodeHash(sr, c);
            }
            // 6c.
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) {
            return Verdict.fails("consistency proof from " + oldSize + " to " + newSize + " has "
                    + path.size() + " hashes, fewer than the trees need");
        }
        if (!fr.equals(oldRoot)) {
            return Verdict.fails("consistency proof from " + oldSize + " to " + newSize + " leads to old root "
                    + fr + ", not " + oldRoot);
        }
        if (!sr.equals(newRoot)) {
            return Verdict.fails("consistency proof from " + oldSize + " to " + newSize + " leads to new root "
                    + sr + ", not " + newRoot);
        }
        return Verdict.HOLDS;
    }

    private Verdict verifyFromEmpty(Hash oldRoot, Hash newRoot) {
        if (!path.isEmpty()) {
            return Verdict.fails("consistency proof from the empty tree MUST be empty, it has " + path.size()
                    + " hashes");
        }
        if (!oldRoot.equals(Merkle.emptyRoot())) {
            return Verdict.fails("the root of the empty tree is " + Merkle.emptyRoot() + ", not " + oldRoot);
        }
        if (newSize.value() == 0 && !newRoot.equals(oldRoot)) {
            return Verdict.fails("the root of the empty tree is " + Merkle.emptyRoot() + ", not " + newRoot);
        }
        return Verdict.HOLDS;
    }

    private Verdict verifySameSize(Hash oldRoot, Hash newRoot) {
        if (!path.isEmpty()) {
            return Verdict.fails("consistency proof between two trees of size " + oldSize + " MUST be empty, it has "
                    + path.size() + " hashes");
        }
        if (!oldRoot.equals(newRoot)) {
            return Verdict.fails("two trees of size " + oldSize + " have different roots " + oldRoot + " and "
                    + newRoot);
        }
        return Verdict.HOLDS;
    }
}
