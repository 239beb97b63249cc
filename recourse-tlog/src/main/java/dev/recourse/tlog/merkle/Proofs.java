package dev.recourse.tlog.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes tree roots, inclusion proofs and consistency proofs (RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1)
 * from the hashes of complete subtrees alone.
 *
 * <p>Every hash asked of the {@link HashSource} is of a subtree that is complete in the tree of the size given,
 * so a source backed by tiles only ever reads tiles that exist for that size. The proofs are exactly those
 * of the Go reference implementation (golang.org/x/mod/sumdb/tlog).
 */
public final class Proofs {
    private Proofs() {}

    /** The root of the tree of {@code size} leaves: {@code MTH(D[0:size])}, or {@link Merkle#emptyRoot()} when empty. */
    public static Hash root(HashSource source, TreeSize size) throws IOException {
        return size.value() == 0 ? Merkle.emptyRoot() : rangeHash(source, 0, size.value());
    }

    /**
     * The inclusion proof {@code PATH(index, D[0:size])} of the leaf at {@code index}.
     *
     * @throws IllegalArgumentException if {@code index} is not in the tree of {@code size}
     */
    public static InclusionProof inclusion(HashSource source, long index, TreeSize size) throws IOException {
        if (!size.contains(index)) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        // Walk down from the root, taking the sibling of the side that holds the leaf at each split; the RFC
        // lists those siblings bottom-up, so they are put in from the back.
        List<Hash> topDown = new ArrayList<>();
        long lo = 0;
        long hi = size.value();
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (index < lo + k) {
                topDown.add(rangeHash(source, lo + k, hi));
                hi = lo + k;
            } else {
                topDown.add(rangeHash(source, lo, lo + k));
                lo = lo + k;
            }
        }
        return new InclusionProof(index, size, topDown.reversed());
    }

    /**
     * The consistency proof {@code PROOF(oldSize, D[0:newSize])}; empty when the sizes are equal or the old tree
     * is empty.
     *
     * @throws IllegalArgumentException if {@code oldSize > newSize}
     */
    public static ConsistencyProof consistency(HashSource source, TreeSize oldSize, TreeSize newSize) throws IOException {
        if (oldSize.compareTo(newSize) > 0) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " back to " + newSize);
        }
        long m = oldSize.value();
        List<Hash> topDown = new ArrayList<>();
        if (m > 0) {
            // SUBPROOF(m, D[lo:hi], b) with b true exactly while lo == 0, unrolled into a loop.
            long lo = 0;
            long hi = newSize.value();
            while (m != hi) {
                long k = largestPowerOfTwoBelow(hi - lo);
                if (m <= lo + k) {
                    topDown.add(rangeHash(source, lo + k, hi));
                    hi = lo + k;
                } else {
                    topDown.add(rangeHash(source, lo, lo + k));
                    lo = lo + k;
                }
            }
            if (lo != 0) {
                topDown.add(rangeHash(source, lo, hi));
            }
        }
        return new ConsistencyProof(oldSize, newSize, topDown.reversed());
    }

    /**
     * {@code MTH(D[lo:hi])} for a range that starts on a multiple of the smallest power of two at least as large
     * as the range, as every range the RFC's recursion visits does: it splits into complete subtrees of
     * decreasing size, which are joined from the right.
     */
    private static Hash rangeHash(HashSource source, long lo, long hi) throws IOException {
        List<Hash> pieces = new ArrayList<>(Long.SIZE);
        long start = lo;
        while (start < hi) {
            long width = Long.highestOneBit(hi - start);
            int level = Long.numberOfTrailingZeros(width);
            pieces.add(source.hash(level, start >>> level));
            start += width;
        }
        Hash hash = pieces.getLast();
        for (int i = pieces.size() - 2; i >= 0; i--) {
            hash = Merkle.nodeHash(pieces.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two strictly less than {@code n}, for {@code n >= 2}. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
