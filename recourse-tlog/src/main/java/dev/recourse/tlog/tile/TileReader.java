package dev.recourse.tlog.tile;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.TreeSize;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the static resources of a tiled log, from a directory, over HTTP, or from whatever
 * storage a driver keeps them in.
 */
public interface TileReader {
    /** The bytes of a tile or entry bundle; empty when the log does not have it. */
    Optional<byte[]> read(Tile tile) throws IOException;

    /** The bytes of the current signed checkpoint; empty when the log has none yet. */
    Optional<String> readCheckpoint() throws IOException;

    /**
     * The entry at {@code index} of the tree of {@code size}, read from the entry bundle that holds it in
     * that tree. Nothing is verified: the caller MUST check the entry against a leaf hash or root it trusts.
     *
     * @throws IllegalArgumentException if {@code index} is not in the tree of {@code size}
     * @throws MissingTileException if the log has neither the bundle nor, for a partial one, the full bundle
     * @throws IOException if it cannot be read, or is not a bundle of the width the tree says
     */
    default byte[] entry(long index, TreeSize size) throws IOException {
        Tile.Entries inTree = Tile.entriesContaining(index, size);
        Optional<byte[]> stored = read(inTree);
        Tile.Entries bundle = inTree;
        if (stored.isEmpty() && !inTree.isFull()) {
            // A log MAY delete a partial bundle once the full one exists, which starts with the same entries.
            bundle = new Tile.Entries(inTree.index(), Tile.WIDTH);
            stored = read(bundle);
        }
        byte[] data = stored.orElseThrow(() -> new MissingTileException(inTree));
        return switch (bundle.decode(data)) {
            case Parsed.Malformed<List<byte[]>> malformed -> throw new IOException(malformed.reason());
            case Parsed.Ok<List<byte[]>>(List<byte[]> entries) -> entries.get((int) (index - bundle.index() * Tile.WIDTH));
        };
    }
}
