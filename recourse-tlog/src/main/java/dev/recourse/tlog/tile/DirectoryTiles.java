package dev.recourse.tlog.tile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a log laid out as it is served ({@code checkpoint}, {@code tile/...}) from a directory. */
public final class DirectoryTiles implements TileReader {
    private final Path root;

    /** Reads the log under {@code root}; nothing is checked until something is read. */
    public DirectoryTiles(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> read(Tile tile) throws IOException {
        return readIfExists(root.resolve(tile.path()));
    }

    @Override
    public Optional<String> readCheckpoint() throws IOException {
        return readIfExists(root.resolve("checkpoint")).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static Optional<byte[]> readIfExists(Path path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
