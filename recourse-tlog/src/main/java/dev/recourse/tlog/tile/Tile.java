package dev.recourse.tlog.tile;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.TreeSize;

/**
 * One static resource of a C2SP tlog-tiles log: a hash tile or an entry bundle, full or partial.
 *
 * <p>A tile at level {@code L} and index {@code N} holds the hashes of tree level {@code 8L}
 * with indexes {@code [256N, 256N + width)}; an entry bundle with index {@code N} holds the
 * entries with those indexes. A full tile has width 256; the rightmost tiles of a tree are
 * partial, with width 1 to 255, and are addressed with a {@code .p/<W>} suffix.
 */
public sealed interface Tile {
    /** Hashes (or entries) per full tile. */
    int WIDTH = 256;
    /** Tree levels spanned by one tile: 256 = 2^8. */
    int HEIGHT = 8;
    /** The highest tile level the specification allows. */
    int MAX_LEVEL = 63;

    /** The index of this tile within its level. */
    long index();

    /** How many hashes or entries it holds: 256 for a full tile, 1 to 255 for a partial one. */
    int width();

    /** Whether it holds all 256 hashes or entries; full tiles never change. */
    default boolean isFull() {
        return width() == WIDTH;
    }

    /** The path below the log's prefix, for example {@code tile/0/x001/234.p/7}. */
    String path();

    /**
     * A hash tile.
     *
     * @param level 0 to 63; level 0 holds leaf hashes
     * @param index at least 0
     * @param width 1 to 256
     */
    record Hashes(int level, long index, int width) implements Tile {
        public Hashes {
            if (level < 0 || level > MAX_LEVEL) {
                throw new IllegalArgumentException("a tile level is 0 to 63, not " + level);
            }
            checkIndexAndWidth(index, width);
        }

        @Override
        public String path() {
            return "tile/" + level + "/" + TilePaths.encode(index, width);
        }

        /** The number of bytes this tile holds: 32 per hash. */
        public int byteLength() {
            return width * 32;
        }
    }

    /**
     * An entry bundle: big-endian uint16 length-prefixed entries.
     *
     * @param index at least 0
     * @param width 1 to 256
     */
    record Entries(long index, int width) implements Tile {
        /** The largest entry a bundle can hold: its length prefix is a uint16. */
        public static final int MAX_ENTRY_BYTES = 0xffff;

        public Entries {
            checkIndexAndWidth(index, width);
        }

        /**
         * Encodes entries as a bundle: each a big-endian uint16 length, then its bytes.
         *
         * @throws IllegalArgumentException if there are more than 256 entries or one is over 65,535 bytes
         */
        public static byte[] encode(java.util.List<byte[]> entries) {
            if (entries.size() > WIDTH) {
                throw new IllegalArgumentException("a bundle holds at most 256 entries, not " + entries.size());
            }
            int length = 0;
            for (byte[] entry : entries) {
                if (entry.length > MAX_ENTRY_BYTES) {
                    throw new IllegalArgumentException("an entry is at most 65535 bytes, not " + entry.length);
                }
                length += 2 + entry.length;
            }
            byte[] bundle = new byte[length];
            int at = 0;
            for (byte[] entry : entries) {
                bundle[at] = (byte) (entry.length >>> 8);
                bundle[at + 1] = (byte) entry.length;
                System.arraycopy(entry, 0, bundle, at + 2, entry.length);
                at += 2 + entry.length;
            }
            return bundle;
        }

        /** Decodes a bundle that MUST hold exactly {@code width()} entries and nothing after them. */
        public Parsed<java.util.List<byte[]>> decode(byte[] bundle) {
            java.util.List<byte[]> entries = new java.util.ArrayList<>(width);
            int at = 0;
            while (at < bundle.length) {
                if (bundle.length - at < 2) {
                    return Parsed.malformed(path() + ": truncated length prefix at byte " + at);
                }
                int length = (bundle[at] & 0xff) << 8 | (bundle[at + 1] & 0xff);
                if (bundle.length - at - 2 < length) {
                    return Parsed.malformed(path() + ": entry " + entries.size() + " claims " + length
                            + " bytes, " + (bundle.length - at - 2) + " remain");
                }
                entries.add(java.util.Arrays.copyOfRange(bundle, at + 2, at + 2 + length));
                at += 2 + length;
            }
            if (entries.size() != width) {
                return Parsed.malformed(path() + ": holds " + entries.size() + " entries, its width is " + width);
            }
            return Parsed.ok(entries);
        }

        @Override
        public String path() {
            return "tile/entries/" + TilePaths.encode(index, width);
        }
    }

    /**
     * The hash tile at {@code level} holding hash number {@code hashIndex} of that level
     * (level 0 hashes are leaves), as it is in a tree of {@code size}.
     *
     * @throws IllegalArgumentException if the tree has no such hash at that tile level
     */
    static Hashes hashesContaining(int level, long hashIndex, TreeSize size) {
        long hashesAtLevel = size.value() >>> (HEIGHT * level);
        if (hashIndex < 0 || hashIndex >= hashesAtLevel) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + hashesAtLevel
                    + " hashes at tile level " + level + ", not one with index " + hashIndex);
        }
        long index = hashIndex / WIDTH;
        return new Hashes(level, index, (int) Math.min(WIDTH, hashesAtLevel - index * WIDTH));
    }

    /** The entry bundle holding entry {@code entryIndex} as it is in a tree of {@code size}. */
    static Entries entriesContaining(long entryIndex, TreeSize size) {
        if (!size.contains(entryIndex)) {
            throw new IllegalArgumentException("a tree of size " + size + " has no entry " + entryIndex);
        }
        long index = entryIndex / WIDTH;
        return new Entries(index, (int) Math.min(WIDTH, size.value() - index * WIDTH));
    }

    /**
     * Parses a path such as {@code tile/2/x001/234.p/7} or {@code tile/entries/000} strictly:
     * no leading zeros in level or width, three-digit groups with {@code x} on all but the last,
     * no superfluous leading {@code x000} group.
     */
    static Parsed<Tile> parse(String path) {
        return TilePaths.parse(path);
    }

    private static void checkIndexAndWidth(long index, int width) {
        if (index < 0) {
            throw new IllegalArgumentException("a tile index is at least 0, not " + index);
        }
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("a tile width is 1 to 256, not " + width);
        }
    }
}
