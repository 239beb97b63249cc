package dev.recourse.tlog.tile;

import java.io.FileNotFoundException;

/** A tile or entry bundle the tree needs is not in the log. */
public final class MissingTileException extends FileNotFoundException {
    private final transient Tile tile;

    /** The log does not have {@code tile}. */
    public MissingTileException(Tile tile) {
        super(tile.path() + " is missing");
        this.tile = tile;
    }

    /** The tile that is missing. */
    public Tile tile() {
        return tile;
    }
}
