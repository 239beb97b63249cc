package dev.recourse.tlog.audit;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.ConsistencyProof;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.MissingTileException;
import dev.recourse.tlog.tile.TileHashSource;
import dev.recourse.tlog.tile.TileReader;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Checks a tiled log from the outside, trusting nothing but the log's public key (and, if
 * given, a witness policy): its checkpoint, the consistency of checkpoints, and a full audit
 * that recomputes every tile from the entries.
 */
public final class LogAuditor {
    private final TileReader log;
    private final NoteVerifier logKey;
    private final Optional<WitnessPolicy> witnesses;

    /** Audits the log read through {@code log}, whose checkpoints {@code logKey} signs. */
    public LogAuditor(TileReader log, NoteVerifier logKey, Optional<WitnessPolicy> witnesses) {
        this.log = log;
        this.logKey = logKey;
        this.witnesses = witnesses;
    }

    /** The outcome of a full audit, with the checkpoint it audited when there was one. */
    public record AuditReport(Verdict verdict, Optional<Checkpoint> checkpoint, long tilesChecked) {}

    /** Fetches the current checkpoint and verifies its signatures. */
    public CheckpointResult checkpoint() throws IOException {
        Optional<String> note = log.readCheckpoint();
        if (note.isEmpty()) {
            return new CheckpointResult.Invalid(log + " has no checkpoint");
        }
        return Checkpoints.open(note.get(), logKey, witnesses);
    }

    /**
     * Verifies the current checkpoint, then recomputes every tile and the root from the entry
     * bundles, reporting the number of entries checked so far to {@code progress}.
     */
    public AuditReport audit(LongConsumer progress) throws IOException {
        return switch (checkpoint()) {
            case CheckpointResult.Invalid invalid -> new AuditReport(Verdict.fails(invalid.reason()), Optional.empty(), 0);
            case CheckpointResult.Valid valid -> audit(valid.checkpoint(), progress);
        };
    }

    /**
     * Recomputes every tile and the root of the tree of {@code checkpoint} from the entry bundles,
     * reporting the number of entries checked so far to {@code progress}. The checkpoint MUST
     * already be verified, e.g. by {@link #checkpoint()}.
     */
    public AuditReport audit(Checkpoint checkpoint, LongConsumer progress) throws IOException {
        Audit.Result result = new Audit(log, checkpoint, progress).run();
        return new AuditReport(result.verdict(), Optional.of(checkpoint), result.tilesChecked());
    }

    /** Checks a receipt against the log's current checkpoint, fetched and verified first: see {@link #receipt(Receipt, Checkpoint)}. */
    public Verdict receipt(Receipt receipt) throws IOException {
        return switch (checkpoint()) {
            case CheckpointResult.Invalid invalid -> Verdict.fails("the log's checkpoint: " + invalid.reason());
            case CheckpointResult.Valid valid -> receipt(receipt, valid.checkpoint());
        };
    }

    /**
     * Checks a receipt against the log, step by step: the receipt MUST verify on its own with the
     * log's key and the witness policy ({@link Receipt#verify}); its checkpoint MUST be consistent
     * with {@code current}, so a receipt from a fork of the log fails; and the entry at its index
     * in the log MUST equal the receipt's entry. {@code current} MUST already be verified, e.g. by
     * {@link #checkpoint()}; a receipt for a larger tree than it fails.
     */
    public Verdict receipt(Receipt receipt, Checkpoint current) throws IOException {
        if (receipt.verify(logKey, witnesses) instanceof Verdict.Fails fails) {
            return fails;
        }
        if (precedes("the receipt's checkpoint", receipt.checkpoint(), current) instanceof Verdict.Fails fails) {
            return fails;
        }
        byte[] logged;
        try {
            logged = log.entry(receipt.index(), current.size());
        } catch (MissingTileException e) {
            return Verdict.fails(e.getMessage());
        }
        return Arrays.equals(logged, receipt.extra().orElseThrow())
                ? Verdict.HOLDS
                : Verdict.fails("entry " + receipt.index() + " in the log differs from the receipt's entry");
    }

    /**
     * Checks a checkpoint saved earlier against the log: the note MUST open with the log's key and
     * the witness policy ({@link Checkpoints#open}), and its tree MUST be a prefix of the tree of
     * {@code current}, which MUST already be verified.
     */
    public Verdict olderCheckpoint(String checkpointNote, Checkpoint current) throws IOException {
        return switch (Checkpoints.open(checkpointNote, logKey, witnesses)) {
            case CheckpointResult.Invalid invalid -> Verdict.fails("the checkpoint: " + invalid.reason());
            case CheckpointResult.Valid valid -> precedes("the checkpoint", valid.checkpoint(), current);
        };
    }

    /**
     * Whether the tree of {@code older} is a prefix of the tree of {@code newer}, by a consistency
     * proof built from the log's tiles for {@code newer}'s size. Both checkpoints MUST already
     * be verified.
     */
    public Verdict consistency(Checkpoint older, Checkpoint newer) throws IOException {
        if (!older.origin().equals(newer.origin())) {
            return Verdict.fails("the checkpoints are of different logs: " + older.origin() + " and " + newer.origin());
        }
        if (older.size().compareTo(newer.size()) > 0) {
            return Verdict.fails("the older checkpoint has size " + older.size() + ", larger than the newer " + newer.size());
        }
        ConsistencyProof proof;
        try {
            proof = Proofs.consistency(new TileHashSource(log, newer.size()), older.size(), newer.size());
        } catch (MissingTileException e) {
            return Verdict.fails(e.getMessage());
        }
        return switch (proof.verify(older.root(), newer.root())) {
            case Verdict.Holds holds -> holds;
            case Verdict.Fails fails -> Verdict.fails("checkpoint of size " + older.size()
                    + " is not consistent with the one of size " + newer.size() + ": " + fails.reason());
        };
    }

    /** Whether {@code earlier}, called {@code what} in the reason, is in the history of {@code current}. */
    private Verdict precedes(String what, Checkpoint earlier, Checkpoint current) throws IOException {
        if (earlier.size().compareTo(current.size()) > 0) {
            return Verdict.fails(what + " has size " + earlier.size() + ", larger than the log's current checkpoint of size "
                    + current.size());
        }
        return switch (consistency(earlier, current)) {
            case Verdict.Holds holds -> holds;
            case Verdict.Fails fails -> Verdict.fails(what + " is not in the history of the log's current checkpoint: "
                    + fails.reason());
        };
    }
}
