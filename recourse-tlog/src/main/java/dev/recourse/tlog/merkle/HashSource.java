package dev.recourse.tlog.merkle;

import java.io.IOException;

/**
 * Reads hashes of complete subtrees of one tree, wherever they are kept (memory, tiles on disk,
 * tiles over HTTP).
 *
 * <p>The subtree at {@code level} L and {@code index} N covers the leaves
 * {@code [N * 2^L, (N + 1) * 2^L)}; level 0 holds the leaf hashes. Callers MUST only ask for
 * subtrees that are complete in the tree the source describes.
 */
@FunctionalInterface
public interface HashSource {
    /** The hash of the complete subtree at {@code level}, {@code index}. */
    Hash hash(int level, long index) throws IOException;
}
