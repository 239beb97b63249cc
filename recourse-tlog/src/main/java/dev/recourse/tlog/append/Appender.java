package dev.recourse.tlog.append;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.ConsistencyProof;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileHashSource;
import dev.recourse.tlog.tile.TiledTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Appends batches of entries to a tiled log: hashes them into tiles, makes the tiles durable,
 * checks the new tree against the last published checkpoint, then signs and publishes a
 * checkpoint for it. An entry is acknowledged exactly when it is durable and covered by a
 * published, signed checkpoint.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>It MUST NOT publish a checkpoint before the tiles it covers are durable.</li>
 *   <li>It MUST NEVER sign a checkpoint inconsistent with the last one published: before
 *       signing it builds a consistency proof from the stored tiles and verifies it against
 *       the published root and the new one, and refuses with {@link LogIntegrityException}
 *       if it fails.</li>
 *   <li>After a crash at any point, {@link #open} continues from the last published
 *       checkpoint; whatever was written after it is overwritten.</li>
 *   <li>After any failure the appender refuses further work; open it again to recover.</li>
 * </ul>
 *
 * <p>{@link #appendAsync} pipelines: the caller's thread hashes a batch into tiles while the
 * previous batch is still being written, flushed and signed on a publishing thread; batches
 * are published strictly in order, and at most one waits behind the one being published.
 * {@link #append} does the same and waits. One thread appends at a time.
 */
public final class Appender {
    /** Publishing runs on a fresh virtual thread per batch, chained in order; nothing to shut down. */
    private static final Executor PUBLISHER = task -> Thread.ofVirtual().name("log-publisher").start(task);

    private final LogStorage storage;
    private final Ed25519NoteSigner signer;
    private TiledTree tree;
    /** The last published checkpoint and its note; written only by the publishing chain. */
    private volatile Published published;
    private volatile Throwable failure;
    /** The publication of the last batch handed over, and of the one before it. */
    private CompletableFuture<Checkpoint> last;
    private CompletableFuture<Checkpoint> beforeLast;
    /** Whether a checkpoint exists or is on its way, so that an empty batch has nothing to publish. */
    private boolean handedOver;

    private record Published(Checkpoint checkpoint, String note) {}

    private Appender(LogStorage storage, Ed25519NoteSigner signer) {
        this.storage = storage;
        this.signer = signer;
        this.tree = new TiledTree();
    }

    /**
     * Opens the log kept in {@code storage}, signing with {@code signer}, whose name is the
     * log's origin. A new log starts empty; an existing one continues from its checkpoint,
     * which MUST be signed by {@code signer}'s key and match the stored tiles.
     *
     * @throws LogIntegrityException if the stored checkpoint or tiles cannot be trusted
     */
    public static Appender open(LogStorage storage, Ed25519NoteSigner signer) throws IOException {
        Appender appender = new Appender(storage, signer);
        appender.recover();
        appender.last = CompletableFuture.completedFuture(appender.published == null ? null : appender.published.checkpoint());
        appender.beforeLast = appender.last;
        appender.handedOver = appender.published != null;
        return appender;
    }

    /** The size of the tree of the last published checkpoint. */
    public TreeSize size() {
        Published p = published;
        return p == null ? TreeSize.ZERO : p.checkpoint().size();
    }

    /** The last published checkpoint, empty before the first append. */
    public Optional<Checkpoint> checkpoint() {
        return Optional.ofNullable(published).map(Published::checkpoint);
    }

    /** The last published signed checkpoint note, empty before the first append. */
    public Optional<String> checkpointNote() {
        return Optional.ofNullable(published).map(Published::note);
    }

    /**
     * Appends entries in order, makes them durable and publishes a checkpoint covering them,
     * waiting until it is published. An empty batch publishes a checkpoint only if there is none
     * yet.
     *
     * @return the checkpoint now published; the batch's first entry got index
     *     {@code size - entries.size()}
     * @throws IllegalArgumentException if an entry is over 65,535 bytes; nothing was appended
     * @throws IOException if storage failed, or {@link LogIntegrityException} if the result would
     *     not be consistent; the appender then refuses further appends until opened again
     */
    public Checkpoint append(List<byte[]> entries) throws IOException {
        try {
            return appendAsync(entries).join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case UncheckedIOException unchecked -> throw unchecked.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case Throwable other -> throw new IOException("appending failed", other);
            }
        }
    }

    /**
     * Hashes {@code entries} into tiles on this thread and hands them to be written, flushed,
     * checked and signed after the batches before them; returns the future published checkpoint.
     * Waits while two earlier batches are still unpublished.
     *
     * @throws IllegalArgumentException if an entry is over 65,535 bytes; nothing was appended
     * @throws IllegalStateException if an earlier append failed
     */
    public CompletableFuture<Checkpoint> appendAsync(List<byte[]> entries) {
        refuseAfterFailure();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).length > Tile.Entries.MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry " + i + " of the batch is " + entries.get(i).length
                        + " bytes; a log entry is at most 65535");
            }
        }
        if (entries.isEmpty() && handedOver) {
            return last;
        }
        // At most one batch waits behind the one being published: bounds memory and latency.
        beforeLast.exceptionally(e -> null).join();
        refuseAfterFailure();
        Map<Tile, byte[]> tiles = new LinkedHashMap<>();
        try {
            for (byte[] entry : entries) {
                tree.add(entry, tiles::put);
            }
            tree.emitPartials(tiles::put);
        } catch (IOException e) {
            // The sink only collects into memory; an IOException here is a bug.
            throw new IllegalStateException("collecting tiles failed", e);
        }
        Checkpoint next = new Checkpoint(signer.name(), tree.size(), tree.root(), List.of());
        beforeLast = last;
        last = last.thenApplyAsync(previous -> publish(tiles, next), PUBLISHER);
        handedOver = true;
        return last;
    }

    private void refuseAfterFailure() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("the appender stopped after a failure; open the log again", f);
        }
    }

    /** On the publishing chain: write, check, sign and publish one batch. */
    private Checkpoint publish(Map<Tile, byte[]> tiles, Checkpoint next) {
        try {
            storage.write(tiles);
            checkConsistency(next);
            String note = Note.sign(next.body(), List.of(signer));
            storage.publish(note);
            published = new Published(next, note);
            return next;
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        }
    }

    /** Refuses unless the stored tiles prove that {@code next} extends the published tree. */
    private void checkConsistency(Checkpoint next) throws IOException {
        TileHashSource stored = new TileHashSource(storage, next.size());
        Published current = published;
        if (current == null || current.checkpoint().size().value() == 0) {
            Hash storedRoot = Proofs.root(stored, next.size());
            if (!storedRoot.equals(next.root())) {
                throw new LogIntegrityException("refusing to sign size " + next.size() + ": the stored tiles give root "
                        + storedRoot.toBase64() + ", the appender computed " + next.root().toBase64());
            }
            return;
        }
        Checkpoint checkpoint = current.checkpoint();
        ConsistencyProof proof = Proofs.consistency(stored, checkpoint.size(), next.size());
        if (proof.verify(checkpoint.root(), next.root()) instanceof Verdict.Fails fails) {
            throw new LogIntegrityException("refusing to sign size " + next.size() + " with root " + next.root().toBase64()
                    + ": the stored tiles do not prove it consistent with the published checkpoint of size "
                    + checkpoint.size() + ": " + fails.reason());
        }
    }

    /** Continues from the published checkpoint, after checking it against the key and the stored tiles. */
    private void recover() throws IOException {
        Optional<String> note = storage.readCheckpoint();
        if (note.isEmpty()) {
            return;
        }
        Checkpoint checkpoint = switch (Checkpoints.open(note.get(), signer.verifier(), Optional.empty())) {
            case CheckpointResult.Valid valid -> valid.checkpoint();
            case CheckpointResult.Invalid invalid -> throw new LogIntegrityException(
                    "the log's checkpoint does not verify with key " + signer.verifierKey() + ": " + invalid.reason());
        };
        TiledTree stored;
        try {
            stored = TiledTree.resume(storage, checkpoint.size());
        } catch (IOException e) {
            throw new LogIntegrityException("the tiles of the published tree of size " + checkpoint.size()
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (!stored.root().equals(checkpoint.root())) {
            throw new LogIntegrityException("the stored tiles give root " + stored.root().toBase64() + " for size "
                    + checkpoint.size() + ", the checkpoint says " + checkpoint.root().toBase64());
        }
        tree = stored;
        published = new Published(checkpoint, note.get());
    }
}
