package dev.recourse.tlog.tile;

import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.HashSource;
import dev.recourse.tlog.merkle.TreeSize;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hashes of one tree read from its tiles: a subtree at tree level {@code k} is computed from
 * the tile at level {@code k / 8}, hashing up to 128 of its hashes.
 *
 * <p>Reads each tile at the width it has in this tree, so proofs for a checkpoint read only the
 * tiles that checkpoint's size requires. Keeps the most recently used tiles. Not thread-safe.
 */
public final class TileHashSource implements HashSource {
    private static final int CACHED_TILES = 64;

    private final TileReader reader;
    private final TreeSize size;
    private final Map<Tile.Hashes, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tile.Hashes, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    /** Reads tiles of the tree of {@code size} from {@code reader}. */
    public TileHashSource(TileReader reader, TreeSize size) {
        this.reader = reader;
        this.size = size;
    }

    /** The size of the tree this source describes. */
    public TreeSize size() {
        return size;
    }

    @Override
    public Hash hash(int level, long index) throws IOException {
        if (level < 0 || index < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
        }
        int tileLevel = level / Tile.HEIGHT;
        int below = level % Tile.HEIGHT;
        long first = index << below;
        int count = 1 << below;
        if (tileLevel > Tile.MAX_LEVEL || first + count > size.value() >>> (Tile.HEIGHT * tileLevel)) {
            throw new IllegalArgumentException("the subtree at level " + level + ", index " + index
                    + " is not complete in a tree of size " + size);
        }
        Tile.Hashes tile = Tile.hashesContaining(tileLevel, first, size);
        byte[] hashes = tile(tile);
        return TileHashing.subtree(hashes, (int) (first - tile.index() * Tile.WIDTH), count);
    }

    /** The bytes of a hash tile, checked for length. */
    public byte[] tile(Tile.Hashes tile) throws IOException {
        byte[] cached = cache.get(tile);
        if (cached != null) {
            return cached;
        }
        byte[] data = readPartialOrFull(tile);
        if (data.length != tile.byteLength()) {
            throw new IOException(tile.path() + " is " + data.length + " bytes, a tile of width "
                    + tile.width() + " is " + tile.byteLength());
        }
        cache.put(tile, data);
        return data;
    }

    /**
     * A log MAY delete a partial tile once the full one exists (C2SP tlog-tiles), so a missing
     * partial tile is read as the first hashes of the full tile, which holds the same hashes.
     */
    private byte[] readPartialOrFull(Tile.Hashes tile) throws IOException {
        Optional<byte[]> data = reader.read(tile);
        if (data.isPresent() || tile.isFull()) {
            return data.orElseThrow(() -> new MissingTileException(tile));
        }
        Tile.Hashes full = new Tile.Hashes(tile.level(), tile.index(), Tile.WIDTH);
        byte[] hashes = reader.read(full).orElseThrow(() -> new MissingTileException(tile));
        if (hashes.length != full.byteLength()) {
            throw new IOException(full.path() + " is " + hashes.length + " bytes, a full tile is " + full.byteLength());
        }
        return Arrays.copyOf(hashes, tile.byteLength());
    }
}
