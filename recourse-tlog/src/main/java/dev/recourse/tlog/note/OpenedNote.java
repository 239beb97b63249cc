package dev.recourse.tlog.note;

import java.util.List;

/** The outcome of {@link Note#open}: a note whose text a trusted key signed, or why it is rejected. */
public sealed interface OpenedNote {
    /**
     * At least one known key signed the text, and every signature by a known key verified.
     *
     * @param body the note text, which a known key signed
     * @param verified the signatures by known keys, all verified, at least one
     * @param unverified the signatures by unknown keys, ignored and not verified, without repeats
     */
    record Opened(String body, List<NoteSignature> verified, List<NoteSignature> unverified) implements OpenedNote {
        public Opened {
            verified = List.copyOf(verified);
            unverified = List.copyOf(unverified);
            if (verified.isEmpty()) {
                throw new IllegalArgumentException("an opened note has at least one verified signature");
            }
        }
    }

    /** The note is malformed, a known key's signature failed, or no known key signed it. */
    record Rejected(String reason) implements OpenedNote {
        public Rejected {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }
}
