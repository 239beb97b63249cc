package dev.recourse.tlog.merkle;

/**
 * The number of entries in a log tree.
 *
 * @param value at least zero
 */
public record TreeSize(long value) implements Comparable<TreeSize> {
    /** The empty tree. */
    public static final TreeSize ZERO = new TreeSize(0);

    public TreeSize {
        if (value < 0) {
            throw new IllegalArgumentException("a tree size is at least 0, not " + value);
        }
    }

    /** Shorthand for {@code new TreeSize(value)}. */
    public static TreeSize of(long value) {
        return new TreeSize(value);
    }

    /** Whether {@code index} names an entry of this tree: {@code 0 <= index < size}. */
    public boolean contains(long index) {
        return index >= 0 && index < value;
    }

    @Override
    public int compareTo(TreeSize other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
