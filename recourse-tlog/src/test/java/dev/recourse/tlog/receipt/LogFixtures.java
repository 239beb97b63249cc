package dev.recourse.tlog.receipt;

import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CosignatureSigner;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.note.NoteSigner;
import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileReader;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys, signed checkpoints and logs held in memory, for the receipt tests. */
final class LogFixtures {
    /** The vectors' log key, whose name is the origin of every checkpoint here. */
    static final Ed25519NoteSigner LOG = Ed25519NoteSigner.fromSeed(
            TestVectors.notes().getFirst().origin(), TestVectors.notes().getFirst().ed25519Seed());

    /** Another key with the same name: a forger's. */
    static final Ed25519NoteSigner FORGER = Ed25519NoteSigner.fromSeed(LOG.name(), seed(66));

    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-07-01T12:00:00Z"));
    static final CosignatureSigner W1 = CosignatureSigner.fromSeed("w1.example", seed(11), CLOCK);
    static final CosignatureSigner W2 = CosignatureSigner.fromSeed("w2.example", seed(12), CLOCK);

    private LogFixtures() {}

    static byte[] seed(int number) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) number);
        return seed;
    }

    /** The checkpoint of {@code size} and {@code root}, signed by the log and then by {@code witnesses}. */
    static String signedCheckpoint(TreeSize size, Hash root, NoteSigner... witnesses) {
        return signedCheckpoint(LOG, size, root, witnesses);
    }

    static String signedCheckpoint(Ed25519NoteSigner log, TreeSize size, Hash root, NoteSigner... witnesses) {
        List<NoteSigner> signers = new ArrayList<>(List.of(log));
        signers.addAll(List.of(witnesses));
        return Note.sign(new Checkpoint(log.name(), size, root).body(), signers);
    }

    /** The signed checkpoint of a vector log's final tree. */
    static String signedCheckpoint(TestVectors.Log log) {
        return signedCheckpoint(log.size(), log.root(log.size().value()).orElseThrow());
    }

    /** A vector log's final tree served from memory, its checkpoint signed by {@link #LOG}. */
    static TileReader tiles(TestVectors.Log log) {
        return new MemoryTiles(log.tiles(), signedCheckpoint(log));
    }

    /** A log held in memory: tiles by path and a checkpoint. */
    record MemoryTiles(Map<String, byte[]> tiles, String checkpoint) implements TileReader {
        @Override
        public Optional<byte[]> read(Tile tile) {
            return Optional.ofNullable(tiles.get(tile.path())).map(byte[]::clone);
        }

        @Override
        public Optional<String> readCheckpoint() {
            return Optional.of(checkpoint);
        }
    }
}
