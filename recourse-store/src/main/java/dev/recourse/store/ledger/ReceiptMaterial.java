package dev.recourse.store.ledger;

import dev.recourse.tlog.merkle.InclusionProof;
import dev.recourse.tlog.note.Checkpoint;

import java.util.Objects;

/**
 * What a receipt for one log entry is made of: the entry, its inclusion proof, and the signed
 * checkpoint the proof leads to. The proof was verified against the checkpoint before it was handed out.
 *
 * @param entry the entry's bytes, as in the log
 * @param proof the inclusion proof of the entry in the checkpoint's tree
 * @param checkpoint the checkpoint, parsed
 * @param checkpointNote the checkpoint as the log signed it
 */
public record ReceiptMaterial(byte[] entry, InclusionProof proof, Checkpoint checkpoint, String checkpointNote) {
    public ReceiptMaterial {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(checkpointNote, "checkpointNote");
        if (!proof.treeSize().equals(checkpoint.size())) {
            throw new IllegalArgumentException("the proof is for a tree of size " + proof.treeSize()
                    + ", the checkpoint's is " + checkpoint.size());
        }
    }
}
