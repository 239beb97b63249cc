package dev.recourse.tlog.merkle;

import java.nio.ByteBuffer;

/** Trees of distinct, reproducible leaves for tests. */
final class Trees {
    private Trees() {}

    /** The leaf hash of the {@code index}th test entry: the index as eight big-endian bytes. */
    static Hash leaf(long index) {
        return Merkle.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
    }

    /** A tree of {@code size} test leaves. */
    static MemoryTree ofSize(long size) {
        MemoryTree tree = new MemoryTree();
        for (long i = 0; i < size; i++) {
            tree.append(leaf(i));
        }
        return tree;
    }
}
