package dev.recourse.tlog.tile;

import java.io.IOException;
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
}
