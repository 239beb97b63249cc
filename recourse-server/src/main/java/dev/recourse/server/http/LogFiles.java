package dev.recourse.server.http;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.Tile;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transparency log, served read-only as c2sp.org/tlog-tiles lays it out: the signed checkpoint (mutable: cached
 * a few seconds at most), the tiles and entry bundles (immutable: full ones cached for a year, partial ones, which
 * the log may delete once full, for a minute), and the verifier key that checks the checkpoint's signature.
 */
public final class LogFiles {
    /** The media type of tiles and entry bundles. */
    static final String OCTETS = "application/octet-stream";

    private final DirectoryTiles tiles;
    private final Supplier<String> verifierKey;

    /**
     * Serves the log laid out under {@code tiles}.
     *
     * @param verifierKey the log's verifier key, {@code origin+hex8(keyID)+base64(key)}
     */
    public LogFiles(DirectoryTiles tiles, Supplier<String> verifierKey) {
        this.tiles = tiles;
        this.verifierKey = verifierKey;
    }

    /** {@code GET /log/checkpoint}: the last signed checkpoint. */
    public Answer checkpoint(Call call) throws IOException {
        Optional<String> note = tiles.readCheckpoint();
        if (note.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "the log has no checkpoint yet"));
        }
        return Answer.text(200, note.get()).withHeader("Cache-Control", "public, max-age=2");
    }

    /** {@code GET /log/tile/<path>}: a hash tile or an entry bundle, by its tlog-tiles path. */
    public Answer tile(Call call) throws IOException {
        Optional<Tile> tile = switch (Tile.parse("tile/" + call.pathParameter("path"))) {
            case Parsed.Ok<Tile> ok -> Optional.of(ok.value());
            case Parsed.Malformed<Tile> ignored -> Optional.empty();
        };
        Optional<byte[]> bytes = tile.isPresent() ? tiles.read(tile.get()) : Optional.empty();
        if (bytes.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "the log has no tile at " + call.path()));
        }
        return Answer.bytes(200, OCTETS, bytes.get())
                .withHeader("Cache-Control", tile.get().isFull() ? "public, max-age=31536000, immutable" : "public, max-age=60");
    }

    /** {@code GET /log/key}: the log's verifier key, as text. */
    public Answer key(Call call) {
        return Answer.text(200, verifierKey.get() + "\n").withHeader("Cache-Control", "public, max-age=3600");
    }
}
