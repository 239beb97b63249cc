package dev.recourse.tlog.tile;

import java.util.Map;
import java.util.Optional;

/** A log held in a map from tile path to bytes, such as the vectors' tiles: for tests that remove or change some. */
final class MapTiles implements TileReader {
    private final Map<String, byte[]> tiles;

    MapTiles(Map<String, byte[]> tiles) {
        this.tiles = tiles;
    }

    @Override
    public Optional<byte[]> read(Tile tile) {
        return Optional.ofNullable(tiles.get(tile.path())).map(byte[]::clone);
    }

    @Override
    public Optional<String> readCheckpoint() {
        return Optional.empty();
    }
}
