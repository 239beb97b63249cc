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
import java.util.List;
import java.util.Optional;

/**
 * Appends batches of entries to a tiled log: writes entry bundles and hash tiles, makes them
 * durable, checks the new tree against the last published checkpoint, then signs and publishes
 * a checkpoint for it. {@link #append} returns only after that checkpoint is published, so an
 * entry is acknowledged exactly when it is durable and covered by a signed checkpoint.
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
 * <p>Not thread-safe: one integrator thread appends.
 */
public final class Appender {
    private final LogStorage storage;
    private final Ed25519NoteSigner signer;
    private TiledTree tree;
    private Checkpoint checkpoint;
    private String checkpointNote;
    private Exception failure;

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
        return appender;
    }

    /** The size of the tree of the last published checkpoint. */
    public TreeSize size() {
        return checkpoint == null ? TreeSize.ZERO : checkpoint.size();
    }

    /** The last published checkpoint, empty before the first append. */
    public Optional<Checkpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** The last published signed checkpoint note, empty before the first append. */
    public Optional<String> checkpointNote() {
        return Optional.ofNullable(checkpointNote);
    }

    /**
     * Appends entries in order, makes them durable and publishes a checkpoint covering them.
     * An empty batch publishes a checkpoint only if there is none yet.
     *
     * @return the checkpoint now published; the batch's first entry got index
     *     {@code size - entries.size()}
     * @throws IllegalArgumentException if an entry is over 65,535 bytes; nothing was appended
     * @throws IOException if storage failed, or {@link LogIntegrityException} if the result would
     *     not be consistent; the appender then refuses further appends until opened again
     */
    public Checkpoint append(List<byte[]> entries) throws IOException {
        if (failure != null) {
            throw new IllegalStateException("the appender stopped after a failure; open the log again", failure);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).length > Tile.Entries.MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry " + i + " of the batch is " + entries.get(i).length
                        + " bytes; a log entry is at most 65535");
            }
        }
        if (entries.isEmpty() && checkpoint != null) {
            return checkpoint;
        }
        try {
            for (byte[] entry : entries) {
                tree.add(entry, storage::stage);
            }
            tree.emitPartials(storage::stage);
            storage.commit();
            Checkpoint next = new Checkpoint(signer.name(), tree.size(), tree.root(), List.of());
            checkConsistency(next);
            String note = Note.sign(next.body(), List.of(signer));
            storage.publish(note);
            checkpoint = next;
            checkpointNote = note;
            return next;
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** Refuses unless the stored tiles prove that {@code next} extends the published tree. */
    private void checkConsistency(Checkpoint next) throws IOException {
        TileHashSource stored = new TileHashSource(storage, next.size());
        if (checkpoint == null || checkpoint.size().value() == 0) {
            Hash storedRoot = Proofs.root(stored, next.size());
            if (!storedRoot.equals(next.root())) {
                throw new LogIntegrityException("refusing to sign size " + next.size() + ": the stored tiles give root "
                        + storedRoot.toBase64() + ", the appender computed " + next.root().toBase64());
            }
            return;
        }
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
        Checkpoint published = switch (Checkpoints.open(note.get(), signer.verifier(), Optional.empty())) {
            case CheckpointResult.Valid valid -> valid.checkpoint();
            case CheckpointResult.Invalid invalid -> throw new LogIntegrityException(
                    "the log's checkpoint does not verify with key " + signer.verifierKey() + ": " + invalid.reason());
        };
        TiledTree stored;
        try {
            stored = TiledTree.resume(storage, published.size());
        } catch (IOException e) {
            throw new LogIntegrityException("the tiles of the published tree of size " + published.size()
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (!stored.root().equals(published.root())) {
            throw new LogIntegrityException("the stored tiles give root " + stored.root().toBase64() + " for size "
                    + published.size() + ", the checkpoint says " + published.root().toBase64());
        }
        tree = stored;
        checkpoint = published;
        checkpointNote = note.get();
    }
}
