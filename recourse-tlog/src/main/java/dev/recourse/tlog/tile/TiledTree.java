package dev.recourse.tlog.tile;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.merkle.TreeSize;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The growing right edge of a tiled tree: the rightmost tile of each level and the partial
 * entry bundle. Adding entries emits every tile and bundle as it fills up, and
 * {@link #emitPartials} emits the partial ones the current size needs; the root of the whole
 * tree follows from the edge alone, without reading anything back.
 *
 * <p>The appender feeds it new entries and stages what it emits; the auditor feeds it the
 * stored entries and compares what it emits with the stored tiles: one piece of code decides
 * what the tiles of a tree are. Not thread-safe.
 */
public final class TiledTree {
    private static final int LEVELS = Tile.MAX_LEVEL + 1;

    /** Receives tiles and bundles as they are produced. */
    @FunctionalInterface
    public interface Sink {
        /** {@code data} is the whole tile or bundle; the receiver owns it. */
        void accept(Tile tile, byte[] data) throws IOException;
    }

    /** levels[L] holds the hashes of the rightmost tile at level L: (size >> 8L) % 256 of them. */
    private final byte[][] levels = new byte[LEVELS][];
    private final boolean[] changed = new boolean[LEVELS];
    private final MessageDigest digest = Merkle.newDigest();
    private byte[] bundle = new byte[64 * 1024];
    private int bundleLength;
    private boolean bundleChanged;
    private long size;

    /** An empty tree. */
    public TiledTree() {}

    /**
     * The edge of the stored tree of {@code size}, read from its rightmost tiles and bundle.
     * The caller MUST check {@link #root()} against the checkpoint it trusts.
     *
     * @throws MissingTileException if one of them is missing
     * @throws IOException if one is the wrong length or the bundle is malformed
     */
    public static TiledTree resume(TileReader reader, TreeSize size) throws IOException {
        TiledTree tree = new TiledTree();
        tree.size = size.value();
        TileHashSource tiles = new TileHashSource(reader, size);
        for (int level = 0; level < LEVELS && tree.hashesAt(level) > 0; level++) {
            int width = (int) (tree.hashesAt(level) % Tile.WIDTH);
            if (width > 0) {
                byte[] data = tiles.tile(new Tile.Hashes(level, tree.hashesAt(level) / Tile.WIDTH, width));
                System.arraycopy(data, 0, tree.level(level), 0, data.length);
            }
        }
        int entries = (int) (tree.size % Tile.WIDTH);
        if (entries > 0) {
            Tile.Entries tile = new Tile.Entries(tree.size / Tile.WIDTH, entries);
            byte[] data = reader.read(tile).orElseThrow(() -> new MissingTileException(tile));
            if (tile.decode(data) instanceof Parsed.Malformed<List<byte[]>> malformed) {
                throw new IOException(malformed.reason());
            }
            tree.bundle = Arrays.copyOf(data, Math.max(tree.bundle.length, data.length));
            tree.bundleLength = data.length;
        }
        return tree;
    }

    /** The number of entries added. */
    public TreeSize size() {
        return TreeSize.of(size);
    }

    /**
     * Adds one entry, emitting the bundle and tiles it completes.
     *
     * @throws IllegalArgumentException if the entry is over 65,535 bytes; nothing changes
     */
    public void add(byte[] entry, Sink sink) throws IOException {
        if (entry.length > Tile.Entries.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a log entry is at most 65535 bytes, not " + entry.length);
        }
        int slot = (int) (size % Tile.WIDTH);
        if (bundle.length - bundleLength < entry.length + 2) {
            bundle = Arrays.copyOf(bundle, Math.max(bundle.length * 2, bundleLength + entry.length + 2));
        }
        bundle[bundleLength] = (byte) (entry.length >>> 8);
        bundle[bundleLength + 1] = (byte) entry.length;
        System.arraycopy(entry, 0, bundle, bundleLength + 2, entry.length);
        bundleLength += entry.length + 2;
        bundleChanged = true;
        TileHashing.leaf(digest, entry, 0, entry.length, level(0), slot * Hash.SIZE);
        changed[0] = true;
        size++;
        if (slot == Tile.WIDTH - 1) {
            long tileIndex = (size - 1) / Tile.WIDTH;
            sink.accept(new Tile.Entries(tileIndex, Tile.WIDTH), Arrays.copyOf(bundle, bundleLength));
            bundleLength = 0;
            bundleChanged = false;
            completeTile(0, tileIndex, sink);
        }
    }

    /** Emits the partial tiles and bundle of the current size that changed since they were last emitted. */
    public void emitPartials(Sink sink) throws IOException {
        for (int level = 0; level < LEVELS && hashesAt(level) > 0; level++) {
            int width = (int) (hashesAt(level) % Tile.WIDTH);
            if (width > 0 && changed[level]) {
                sink.accept(new Tile.Hashes(level, hashesAt(level) / Tile.WIDTH, width), Arrays.copyOf(levels[level], width * Hash.SIZE));
            }
            changed[level] = false;
        }
        int entries = (int) (size % Tile.WIDTH);
        if (entries > 0 && bundleChanged) {
            sink.accept(new Tile.Entries(size / Tile.WIDTH, entries), Arrays.copyOf(bundle, bundleLength));
        }
        bundleChanged = false;
    }

    /**
     * The RFC 6962 root of the tree. The tree is the perfect subtrees given by the bits of its
     * size, largest first, and each of them lies in the rightmost tile of its tile level.
     */
    public Hash root() {
        Hash root = null;
        for (int height = 0; height < Long.SIZE && (size >>> height) > 0; height++) {
            if (((size >>> height) & 1) == 0) {
                continue;
            }
            int tileLevel = height / Tile.HEIGHT;
            int below = height % Tile.HEIGHT;
            long firstHash = ((size >>> height) - 1) << below;
            long tileStart = hashesAt(tileLevel) / Tile.WIDTH * Tile.WIDTH;
            Hash subtree = TileHashing.subtree(levels[tileLevel], (int) (firstHash - tileStart), 1 << below);
            root = root == null ? subtree : Merkle.nodeHash(subtree, root);
        }
        return root == null ? Merkle.emptyRoot() : root;
    }

    /** The tile at {@code level} just filled up: emit it and carry its root one level up. */
    private void completeTile(int level, long tileIndex, Sink sink) throws IOException {
        byte[] hashes = level(level);
        sink.accept(new Tile.Hashes(level, tileIndex, Tile.WIDTH), hashes.clone());
        changed[level] = false;
        int slot = (int) (tileIndex % Tile.WIDTH);
        TileHashing.subtreeInto(digest, hashes, 0, Tile.WIDTH, level(level + 1), slot * Hash.SIZE);
        changed[level + 1] = true;
        if (slot == Tile.WIDTH - 1) {
            completeTile(level + 1, tileIndex / Tile.WIDTH, sink);
        }
    }

    /** How many hashes tile level {@code level} holds in this tree. */
    private long hashesAt(int level) {
        return size >>> (Tile.HEIGHT * level);
    }

    private byte[] level(int level) {
        if (levels[level] == null) {
            levels[level] = new byte[Tile.WIDTH * Hash.SIZE];
        }
        return levels[level];
    }
}
