package dev.recourse.tlog.audit;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileReader;
import dev.recourse.tlog.tile.TiledTree;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The full audit of a tiled log against a checkpoint already verified: recompute every leaf
 * hash from the entry bundles, every tile from the level below, and the root from the tiles;
 * every stored tile and bundle the checkpoint's tree needs MUST equal the recomputed one.
 */
final class Audit {
    private final TileReader log;
    private final Checkpoint checkpoint;
    private final LongConsumer progress;
    private long tilesChecked;
    private Verdict.Fails failure;

    Audit(TileReader log, Checkpoint checkpoint, LongConsumer progress) {
        this.log = log;
        this.checkpoint = checkpoint;
        this.progress = progress;
    }

    /** The result of the whole audit, and how many tiles it compared. */
    record Result(Verdict verdict, long tilesChecked) {}

    Result run() throws IOException {
        TreeSize size = checkpoint.size();
        TiledTree tree = new TiledTree();
        for (long first = 0; first < size.value() && failure == null; first += Tile.WIDTH) {
            Tile.Entries bundle = Tile.entriesContaining(first, size);
            Optional<byte[]> data = log.read(bundle);
            if (data.isEmpty()) {
                return fail(bundle.path() + " is missing");
            }
            Parsed<List<byte[]>> entries = bundle.decode(data.get());
            if (entries instanceof Parsed.Malformed<List<byte[]>> malformed) {
                return fail(malformed.reason());
            }
            for (byte[] entry : entries.orElseThrow()) {
                tree.add(entry, this::compare);
            }
            progress.accept(tree.size().value());
        }
        if (failure == null) {
            tree.emitPartials(this::compare);
        }
        if (failure != null) {
            return new Result(failure, tilesChecked);
        }
        Hash root = tree.root();
        if (!root.equals(checkpoint.root())) {
            return fail("the entries give root " + root.toBase64() + " for size " + size + ", the checkpoint says "
                    + checkpoint.root().toBase64());
        }
        return new Result(Verdict.HOLDS, tilesChecked);
    }

    private void compare(Tile tile, byte[] recomputed) throws IOException {
        if (failure != null) {
            return;
        }
        // Bundles were read and decoded already; a decoded bundle re-encodes to the same bytes.
        Optional<byte[]> stored = tile instanceof Tile.Entries ? Optional.of(recomputed) : log.read(tile);
        tilesChecked++;
        if (stored.isEmpty()) {
            failure = new Verdict.Fails(tile.path() + " is missing");
        } else if (!Arrays.equals(stored.get(), recomputed)) {
            failure = new Verdict.Fails(tile.path() + " differs from the tile recomputed from the entries");
        }
    }

    private Result fail(String reason) {
        failure = new Verdict.Fails(reason);
        return new Result(failure, tilesChecked);
    }
}
