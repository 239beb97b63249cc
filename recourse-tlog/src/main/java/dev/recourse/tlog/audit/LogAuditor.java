package dev.recourse.tlog.audit;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.ConsistencyProof;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.tile.MissingTileException;
import dev.recourse.tlog.tile.TileHashSource;
import dev.recourse.tlog.tile.TileReader;

import java.io.IOException;
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
            case CheckpointResult.Valid valid -> {
                Audit.Result result = new Audit(log, valid.checkpoint(), progress).run();
                yield new AuditReport(result.verdict(), Optional.of(valid.checkpoint()), result.tilesChecked());
            }
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
}
