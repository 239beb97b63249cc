package dev.recourse.tlog.note;

import dev.recourse.tlog.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which witnesses a client trusts and how many of them MUST have cosigned a checkpoint before the
 * client relies on it (c2sp.org/tlog-cosignature): a k-of-n quorum against split views.
 *
 * @param witnesses the trusted witness keys, usually {@link CosignatureVerifier}s, with distinct key IDs
 * @param threshold how many distinct witnesses MUST have cosigned: {@code 1 <= threshold <= witnesses.size()}
 */
public record WitnessPolicy(List<NoteVerifier> witnesses, int threshold) {
    public WitnessPolicy {
        witnesses = List.copyOf(witnesses);
        if (threshold < 1 || threshold > witnesses.size()) {
            throw new IllegalArgumentException(
                    "a threshold is between 1 and the " + witnesses.size() + " witnesses, not " + threshold);
        }
        Set<KeyId> keyIds = new HashSet<>();
        for (NoteVerifier witness : witnesses) {
            if (!keyIds.add(witness.keyId())) {
                throw new IllegalArgumentException("two witnesses with key ID " + witness.keyId());
            }
        }
    }

    /**
     * Whether at least {@code threshold} distinct witnesses' cosignatures verify over the note text of
     * {@code signedNote}. Signatures by other keys (the log's, unknown witnesses') are ignored; a
     * witness's signature that fails, or a witness signing twice, fails the check, as
     * {@link Note#open} rejects such a note.
     */
    public Verdict check(String signedNote) {
        return switch (Note.open(signedNote, witnesses)) {
            case OpenedNote.Rejected rejected -> Verdict.fails(
                    "witness cosignatures (" + threshold + " required): " + rejected.reason());
            case OpenedNote.Opened opened -> opened.verified().size() >= threshold
                    ? Verdict.HOLDS
                    : Verdict.fails(opened.verified().size() + " of " + witnesses.size()
                            + " witnesses cosigned, " + threshold + " required");
        };
    }
}
